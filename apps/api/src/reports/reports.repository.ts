import { Inject, Injectable } from '@nestjs/common';
import { type RawBuilder, sql } from 'kysely';
import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { ShopHours } from '@fleet/telemetry/api/muting';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import type { CauseCode } from '@fleet/telemetry/causes';
import { scopeCondition } from '../auth/scope/apply-scope';
import type { Scope } from '../auth/scope/scope';
import { DATABASE, type Database } from '../storage/database';
import { rollupRanges } from './figures/rollup-ranges';

/** Which terminals a report covers: the caller's scope, narrowed to some merchants. */
export interface ReportSelection {
  scope: Scope;
  merchantIds?: readonly string[];
}

export interface ReportTerminalRow {
  terminalId: string;
  merchantId: string | null;
  merchantName: string | null;
  region: string | null;
  model: string | null;
  comm: string | null;
  shopHours: ShopHours | null;
  sim: { dataBalanceMb?: number; expiresAt?: string; iccid?: string } | null;
  signal: { comm?: string; csq?: number; rsrpDbm?: number; rssiDbm?: number } | null;
}

export interface TxnSums {
  approved: number;
  declined: number;
  timeouts: number;
  reversals: number;
}

export interface ReportAlertRow {
  id: string;
  terminalId: string;
  code: CauseCode;
  severity: AlertSeverity;
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
}

export interface IncidentSpanRow {
  incidentId: string;
  terminalId: string;
  code: 'CARRIER_OUTAGE' | 'HOST_MAINTENANCE';
  startedAt: Date;
  endedAt: Date | null;
  region: string | null;
  mccMnc: string | null;
}

export interface TxnDayRow extends TxnSums {
  day: string;
}

const ids = (terminalIds: readonly string[]) => sql`${[...terminalIds]}::text[]`;

/**
 * The report's reads. Figures come from the rollups (txn, heartbeat and sim hourly/daily;
 * terminal_outages), the terminals' latest state and the alert and incident tables, never
 * from raw telemetry. Per-terminal reads take one page of terminal ids at a time.
 */
@Injectable()
export class ReportsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** One page of the selected terminals after `afterId`, by id. */
  async terminalPage(
    selection: ReportSelection,
    afterId: string,
    limit: number,
  ): Promise<ReportTerminalRow[]> {
    const merchants =
      selection.merchantIds && selection.merchantIds.length > 0
        ? sql`and t.merchant_id in (${sql.join([...selection.merchantIds])})`
        : sql``;
    const { rows } = await sql<{
      terminal_id: string;
      merchant_id: string | null;
      merchant_name: string | null;
      region: string | null;
      model: string | null;
      comm: string | null;
      shop_hours: ShopHours | null;
      sim: ReportTerminalRow['sim'];
      signal: ReportTerminalRow['signal'];
    }>`
      select t.terminal_id, t.merchant_id, t.merchant_name, t.region,
        coalesce(t.model, l.heartbeat->>'model') as model,
        coalesce(l.signal->>'comm', l.heartbeat->>'comm', t.comm) as comm,
        t.shop_hours, l.sim, l.signal
      from terminals t left join terminal_latest l on l.terminal_id = t.terminal_id
      where ${scopeCondition(selection.scope, { region: 't.region', merchantId: 't.merchant_id' })} ${merchants}
        and t.terminal_id > ${afterId}
      order by t.terminal_id
      limit ${limit}`.execute(this.database.db);
    return rows.map((r) => ({
      terminalId: r.terminal_id,
      merchantId: r.merchant_id,
      merchantName: r.merchant_name,
      region: r.region,
      model: r.model,
      comm: r.comm,
      shopHours: r.shop_hours,
      sim: r.sim,
      signal: r.signal,
    }));
  }

  /** Transaction counts per terminal over [from, to), from daily buckets inside and hourly at the edges. */
  async txnSums(terminalIds: readonly string[], from: Date, to: Date): Promise<Map<string, TxnSums>> {
    const rows = await this.sumRollup<TxnSums & { terminal_id: string }>(
      'txn',
      sql`sum(approved)::float8 as approved, sum(declined)::float8 as declined,
        sum(timeouts)::float8 as timeouts, sum(reversals)::float8 as reversals`,
      sql`approved, declined, timeouts, reversals`,
      terminalIds,
      from,
      to,
    );
    return new Map(rows.map(({ terminal_id, ...sums }) => [terminal_id, sums]));
  }

  /** Heartbeats per terminal over [from, to): a terminal with none has no data for the period. */
  async heartbeatCounts(terminalIds: readonly string[], from: Date, to: Date): Promise<Map<string, number>> {
    const rows = await this.sumRollup<{ terminal_id: string; heartbeats: number }>(
      'heartbeat',
      sql`sum(heartbeats)::float8 as heartbeats`,
      sql`heartbeats`,
      terminalIds,
      from,
      to,
    );
    return new Map(rows.map((r) => [r.terminal_id, r.heartbeats]));
  }

  private async sumRollup<R>(
    name: 'txn' | 'heartbeat',
    sums: RawBuilder<unknown>,
    columns: RawBuilder<unknown>,
    terminalIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<R[]> {
    if (terminalIds.length === 0) return [];
    const { daily, hourly } = rollupRanges(from, to);
    const hourlyWhere = sql.join(
      hourly.map(([start, end]) => sql`(bucket >= ${start} and bucket < ${end})`),
      sql` or `,
    );
    const parts = [
      ...(daily
        ? [
            sql`select terminal_id, ${columns} from ${sql.table(`${name}_daily`)}
              where terminal_id = any(${ids(terminalIds)}) and bucket >= ${daily[0]} and bucket < ${daily[1]}`,
          ]
        : []),
      ...(hourly.length > 0
        ? [
            sql`select terminal_id, ${columns} from ${sql.table(`${name}_hourly`)}
              where terminal_id = any(${ids(terminalIds)}) and (${hourlyWhere})`,
          ]
        : []),
    ];
    if (parts.length === 0) return [];
    const { rows } = await sql<R>`
      select terminal_id, ${sums} from (${sql.join(parts, sql` union all `)}) buckets
      group by terminal_id`.execute(this.database.db);
    return rows;
  }

  /** Data used per terminal: the sum of falls in the daily closing balance (top-ups are not use). */
  async simUsedMb(terminalIds: readonly string[], from: Date, to: Date): Promise<Map<string, number>> {
    if (terminalIds.length === 0) return new Map();
    const { rows } = await sql<{ terminal_id: string; used: number }>`
      select terminal_id, sum(greatest(previous - last_balance_mb, 0))::float8 as used from (
        select terminal_id, last_balance_mb,
          lag(last_balance_mb) over (partition by terminal_id order by bucket) as previous
        from sim_daily
        where terminal_id = any(${ids(terminalIds)})
          and bucket >= ${new Date(from.getTime() - 86_400_000)} and bucket < ${to}
      ) days where previous is not null group by terminal_id`.execute(this.database.db);
    return new Map(rows.map((r) => [r.terminal_id, r.used]));
  }

  /** Terminal alerts live at any time in [from, to). */
  async alerts(terminalIds: readonly string[], from: Date, to: Date): Promise<ReportAlertRow[]> {
    if (terminalIds.length === 0) return [];
    const { rows } = await sql<{
      id: string;
      terminal_id: string;
      code: CauseCode;
      severity: AlertSeverity;
      opened_at: Date;
      acknowledged_at: Date | null;
      resolved_at: Date | null;
    }>`
      select id, terminal_id, code, severity, opened_at, acknowledged_at, resolved_at from alerts
      where terminal_id = any(${ids(terminalIds)}) and opened_at < ${to}
        and (resolved_at is null or resolved_at > ${from})
      order by terminal_id, opened_at`.execute(this.database.db);
    return rows.map((r) => ({
      id: r.id,
      terminalId: r.terminal_id,
      code: r.code,
      severity: r.severity,
      openedAt: r.opened_at,
      acknowledgedAt: r.acknowledged_at,
      resolvedAt: r.resolved_at,
    }));
  }

  /** Incidents that held these terminals at some time in [from, to). */
  async incidentSpans(terminalIds: readonly string[], from: Date, to: Date): Promise<IncidentSpanRow[]> {
    if (terminalIds.length === 0) return [];
    const { rows } = await sql<{
      incident_id: string;
      terminal_id: string;
      code: IncidentSpanRow['code'];
      started_at: Date;
      ended_at: Date | null;
      region: string | null;
      mcc_mnc: string | null;
    }>`
      select m.incident_id, m.terminal_id, i.code, i.started_at, i.ended_at, i.region, i.mcc_mnc
      from incident_members m join incidents i on i.id = m.incident_id
      where m.terminal_id = any(${ids(terminalIds)}) and i.started_at < ${to}
        and (i.ended_at is null or i.ended_at > ${from})`.execute(this.database.db);
    return rows.map((r) => ({
      incidentId: r.incident_id,
      terminalId: r.terminal_id,
      code: r.code,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      region: r.region,
      mccMnc: r.mcc_mnc,
    }));
  }

  /** Transactions of the selection per local day of `timeZone`, from hourly buckets. */
  async txnByDay(selection: ReportSelection, from: Date, to: Date, timeZone: string): Promise<TxnDayRow[]> {
    const merchants =
      selection.merchantIds && selection.merchantIds.length > 0
        ? sql`and t.merchant_id in (${sql.join([...selection.merchantIds])})`
        : sql``;
    const { rows } = await sql<TxnDayRow>`
      select to_char(timezone(${timeZone}, h.bucket), 'YYYY-MM-DD') as day,
        sum(h.approved)::float8 as approved, sum(h.declined)::float8 as declined,
        sum(h.timeouts)::float8 as timeouts, sum(h.reversals)::float8 as reversals
      from txn_hourly h join terminals t on t.terminal_id = h.terminal_id
      where ${scopeCondition(selection.scope, { region: 't.region', merchantId: 't.merchant_id' })} ${merchants}
        and h.bucket >= ${from} and h.bucket < ${to}
      group by 1 order by 1`.execute(this.database.db);
    return rows;
  }

  /** The user's report time zone (migration 0020) and language. */
  async readerOf(userId: string): Promise<{ timeZone: string; locale: ReportLocale } | undefined> {
    const { rows } = await sql<{ time_zone: string; locale: ReportLocale }>`
      select time_zone, locale from users where id = ${userId}`.execute(this.database.db);
    return rows[0] && { timeZone: rows[0].time_zone, locale: rows[0].locale };
  }
}
