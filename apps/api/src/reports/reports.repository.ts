import { Inject, Injectable } from '@nestjs/common';
import { type RawBuilder, sql } from 'kysely';
import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { ShopHours } from '@fleet/telemetry/api/muting';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import type { CauseCode } from '@fleet/telemetry/causes';
import { scopeCondition } from '../auth/scope/apply-scope';
import type { Scope } from '../auth/scope/scope';
import { DATABASE, type Database } from '../storage/database';
import { localDaySplits } from './figures/local-day-split';
import { rollupRanges } from './figures/rollup-ranges';
import type { ResolvedPeriod } from './period/report-period';

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

/** Per-terminal figures of the report's period and of the one before it. */
export interface BothPeriods<T> {
  current: Map<string, T>;
  previous: Map<string, T>;
}

function byPeriod<R extends { terminal_id: string; p: 0 | 1 }, T>(
  rows: readonly R[],
  value: (row: R) => T,
): BothPeriods<T> {
  const both: BothPeriods<T> = { current: new Map(), previous: new Map() };
  for (const row of rows) (row.p === 0 ? both.current : both.previous).set(row.terminal_id, value(row));
  return both;
}

/** Time ranges sorted, with those that touch joined: one index range scan each. */
function mergeAdjacent(ranges: ReadonlyArray<[Date, Date]>): Array<[Date, Date]> {
  const sorted = [...ranges].sort((a, b) => a[0].getTime() - b[0].getTime());
  const merged: Array<[Date, Date]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start.getTime() <= last[1].getTime()) {
      if (end > last[1]) last[1] = end;
    } else merged.push([start, end]);
  }
  return merged;
}

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
    const merchants = this.merchantsOf(selection);
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

  /** Transaction counts per terminal over the period and the one before, from daily buckets inside and hourly at the edges. */
  async txnSums(terminalIds: readonly string[], period: ResolvedPeriod): Promise<BothPeriods<TxnSums>> {
    const rows = await this.sumRollup<TxnSums & { terminal_id: string; p: 0 | 1 }>(
      'txn',
      sql`sum(approved)::float8 as approved, sum(declined)::float8 as declined,
        sum(timeouts)::float8 as timeouts, sum(reversals)::float8 as reversals`,
      sql`approved, declined, timeouts, reversals`,
      terminalIds,
      period,
    );
    return byPeriod(rows, ({ approved, declined, timeouts, reversals }) => ({
      approved,
      declined,
      timeouts,
      reversals,
    }));
  }

  /**
   * Which terminals sent a heartbeat in the period, and in the previous one (one with none,
   * and no outage, has no data for it). Only whether: one index probe per range that stops
   * at the first bucket, where summing read every bucket of both periods.
   */
  async heardFrom(
    terminalIds: readonly string[],
    period: ResolvedPeriod,
  ): Promise<{ current: Set<string>; previous: Set<string> }> {
    if (terminalIds.length === 0) return { current: new Set(), previous: new Set() };
    const heardIn = (from: Date, to: Date) => {
      const { daily, hourly } = rollupRanges(from, to);
      const probes = [
        ...(daily
          ? [
              sql`exists (select 1 from heartbeat_daily h where h.terminal_id = t.id
            and h.bucket >= ${daily[0]} and h.bucket < ${daily[1]})`,
            ]
          : []),
        ...hourly.map(
          ([start, end]) => sql`exists (select 1 from heartbeat_hourly h where h.terminal_id = t.id
            and h.bucket >= ${start} and h.bucket < ${end})`,
        ),
      ];
      return probes.length > 0 ? sql.join(probes, sql` or `) : sql`false`;
    };
    const { rows } = await sql<{ id: string; current: boolean; previous: boolean }>`
      select t.id, ${heardIn(period.from, period.to)} as current,
        ${heardIn(period.previousFrom, period.previousTo)} as previous
      from unnest(${ids(terminalIds)}) as t(id)`.execute(this.database.db);
    return {
      current: new Set(rows.filter((r) => r.current).map((r) => r.id)),
      previous: new Set(rows.filter((r) => r.previous).map((r) => r.id)),
    };
  }

  /**
   * Sums a rollup per terminal over the period (p = 0) and the previous one (p = 1) in one
   * query: one daily range over both (buckets tagged by the period whose whole UTC days they
   * are) and the hourly edges, the two that meet at the period's start read as one range.
   */
  private async sumRollup<R>(
    name: 'txn' | 'heartbeat',
    sums: RawBuilder<unknown>,
    columns: RawBuilder<unknown>,
    terminalIds: readonly string[],
    period: ResolvedPeriod,
  ): Promise<R[]> {
    if (terminalIds.length === 0) return [];
    const windows = [
      { p: 0, from: period.from, to: period.to },
      { p: 1, from: period.previousFrom, to: period.previousTo },
    ].map((w) => ({ ...w, ...rollupRanges(w.from, w.to) }));
    const tag = (ranges: Array<{ p: number; range: [Date, Date] }>) =>
      sql`case ${sql.join(
        ranges.map(({ p, range }) => sql`when bucket >= ${range[0]} and bucket < ${range[1]} then ${p}::int`),
        sql` `,
      )} end`;
    const daily = windows.flatMap((w) => (w.daily ? [{ p: w.p, range: w.daily }] : []));
    const hourly = mergeAdjacent(windows.flatMap((w) => w.hourly));
    const hourlyTags = windows.map((w) => ({ p: w.p, range: [w.from, w.to] as [Date, Date] }));
    const parts = [
      ...(daily.length > 0
        ? [
            sql`select terminal_id, ${tag(daily)} as p, ${columns} from ${sql.table(`${name}_daily`)}
              where terminal_id = any(${ids(terminalIds)})
                and bucket >= ${new Date(Math.min(...daily.map((d) => d.range[0].getTime())))}
                and bucket < ${new Date(Math.max(...daily.map((d) => d.range[1].getTime())))}`,
          ]
        : []),
      ...hourly.map(
        ([start, end]) =>
          sql`select terminal_id, ${tag(hourlyTags)} as p, ${columns} from ${sql.table(`${name}_hourly`)}
            where terminal_id = any(${ids(terminalIds)}) and bucket >= ${start} and bucket < ${end}`,
      ),
    ];
    if (parts.length === 0) return [];
    const { rows } = await sql<R>`
      select terminal_id, p, ${sums} from (${sql.join(parts, sql` union all `)}) buckets
      where p is not null group by terminal_id, p`.execute(this.database.db);
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

  /**
   * Transactions of the selection per local day of `timeZone` over the local dates
   * `[from, to)`: each UTC day's daily bucket, with the hours on the short side of its local
   * midnight read from hourly buckets and moved to their local day (localDaySplits). Summing
   * a month of a portfolio's hourly buckets instead took seconds. A local day is listed when
   * it holds any transaction window, as it was when read from hourly buckets only.
   */
  async txnByDay(selection: ReportSelection, period: ResolvedPeriod): Promise<TxnDayRow[]> {
    const { from, to, timeZone } = period.view;
    const splits = localDaySplits(from, to, timeZone);
    if (!splits) return this.txnByDayFromHourly(selection, period.from, period.to, timeZone);
    const days = sql`unnest(${splits.map((s) => s.bucket)}::timestamptz[], ${splits.map((s) => s.partFrom)}::timestamptz[],
      ${splits.map((s) => s.partTo)}::timestamptz[], ${splits.map((s) => s.partDay)}::text[],
      ${splits.map((s) => s.restDay)}::text[]) as d(bucket, part_from, part_to, part_day, rest_day)`;
    const { rows } = await sql<TxnDayRow>`
      with sel as materialized (
        select t.terminal_id from terminals t
        where ${scopeCondition(selection.scope, { region: 't.region', merchantId: 't.merchant_id' })} ${this.merchantsOf(selection)}
      ),
      days as materialized (select * from ${days}),
      daily as (
        select x.bucket, sum(x.windows) as windows, sum(x.approved) as approved, sum(x.declined) as declined,
          sum(x.timeouts) as timeouts, sum(x.reversals) as reversals
        from sel join txn_daily x on x.terminal_id = sel.terminal_id
          and x.bucket >= ${splits[0]!.bucket} and x.bucket <= ${splits[splits.length - 1]!.bucket}
        group by x.bucket
      ),
      part as (
        select d.bucket, sum(h.windows) as windows, sum(h.approved) as approved, sum(h.declined) as declined,
          sum(h.timeouts) as timeouts, sum(h.reversals) as reversals
        from days d cross join sel cross join lateral (
          select windows, approved, declined, timeouts, reversals from txn_hourly h
          where h.terminal_id = sel.terminal_id and h.bucket >= d.part_from and h.bucket < d.part_to
          offset 0
        ) h
        group by d.bucket
      ),
      pieces as (
        select d.rest_day as day, coalesce(x.windows, 0) - coalesce(p.windows, 0) as windows,
          coalesce(x.approved, 0) - coalesce(p.approved, 0) as approved,
          coalesce(x.declined, 0) - coalesce(p.declined, 0) as declined,
          coalesce(x.timeouts, 0) - coalesce(p.timeouts, 0) as timeouts,
          coalesce(x.reversals, 0) - coalesce(p.reversals, 0) as reversals
        from days d left join daily x on x.bucket = d.bucket left join part p on p.bucket = d.bucket
        union all
        select d.part_day, p.windows, p.approved, p.declined, p.timeouts, p.reversals
        from days d join part p on p.bucket = d.bucket
      )
      select day, sum(approved)::float8 as approved, sum(declined)::float8 as declined,
        sum(timeouts)::float8 as timeouts, sum(reversals)::float8 as reversals
      from pieces where day >= ${from} and day < ${to}
      group by day having sum(windows) > 0 order by day`.execute(this.database.db);
    return rows;
  }

  /** The same from hourly buckets only, for periods across a DST change. */
  private async txnByDayFromHourly(
    selection: ReportSelection,
    from: Date,
    to: Date,
    timeZone: string,
  ): Promise<TxnDayRow[]> {
    const { rows } = await sql<TxnDayRow>`
      select to_char(timezone(${timeZone}, h.bucket), 'YYYY-MM-DD') as day,
        sum(h.approved)::float8 as approved, sum(h.declined)::float8 as declined,
        sum(h.timeouts)::float8 as timeouts, sum(h.reversals)::float8 as reversals
      from txn_hourly h join terminals t on t.terminal_id = h.terminal_id
      where ${scopeCondition(selection.scope, { region: 't.region', merchantId: 't.merchant_id' })} ${this.merchantsOf(selection)}
        and h.bucket >= ${from} and h.bucket < ${to}
      group by 1 order by 1`.execute(this.database.db);
    return rows;
  }

  private merchantsOf(selection: ReportSelection): RawBuilder<unknown> {
    return selection.merchantIds && selection.merchantIds.length > 0
      ? sql`and t.merchant_id in (${sql.join([...selection.merchantIds])})`
      : sql``;
  }

  /** The user's report time zone (migration 0020) and language. */
  async readerOf(userId: string): Promise<{ timeZone: string; locale: ReportLocale } | undefined> {
    const { rows } = await sql<{ time_zone: string; locale: ReportLocale }>`
      select time_zone, locale from users where id = ${userId}`.execute(this.database.db);
    return rows[0] && { timeZone: rows[0].time_zone, locale: rows[0].locale };
  }
}
