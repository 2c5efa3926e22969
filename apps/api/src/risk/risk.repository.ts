import { Inject, Injectable } from '@nestjs/common';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { partitionCondition } from '../cluster/terminal-partition';
import type { Scope } from '../auth/scope/scope';
import { scopeCondition } from '../auth/scope/apply-scope';
import { DATABASE, type Database } from '../storage/database';
import { toArrayLiteral } from '../storage/telemetry/pg-array-literal';
import type { RiskCauseView } from '@fleet/telemetry/api/risk';
import type {
  EventRow,
  HeartbeatRow,
  LatestRow,
  LoadedHistories,
  PaperRow,
  RegistryRow,
  SignalRow,
  SimRow,
  StatusRow,
  TxnRow,
} from './history/history-rows';
import { KEEP } from './history/terminal-buffer';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Terminals per UPDATE: big enough to be set-based, small enough to keep statements short. */
const PERSIST_CHUNK = 5000;

export interface RiskUpdate {
  terminalId: string;
  riskScore: number;
  causes: RiskCauseView[];
}

export interface AtRiskRow {
  terminal_id: string;
  risk_score: number;
  causes: RiskCauseView[];
  merchant_id: string | null;
  merchant_name: string | null;
  merchant_phone: string | null;
  region: string | null;
  lat: number | null;
  lon: number | null;
  online: boolean | null;
  last_seen_at: Date | null;
  contacted_by: string | null;
  contacted_at: Date | null;
  contact_note: string | null;
}

export interface AtRiskQuery {
  scope: Scope;
  limit: number;
  cause?: string;
  /** Contacts older than this are no longer shown as a marker. */
  contactSince: Date;
}

/** Restricts a load to some partitions' terminals (see partitionCondition). */
type Only = RawBuilder<boolean>;
const ALL: Only = sql<boolean>`true`;

const floorHour = (ms: number) => new Date(Math.floor(ms / HOUR) * HOUR);
const EPOCH = sql`timestamptz '2000-01-01 00:00:00+00'`;

/**
 * The risk engine's SQL: the start-up load (hourly rollups for the long past, raw rows for
 * the recent hours and for anything the rollups have not folded in yet), batched score
 * updates of terminal_latest, the at-risk list and "merchant contacted" markers.
 */
@Injectable()
export class RiskRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  /** Reads every terminal's compact history (or those of some partitions) in a few set-based queries. */
  async loadHistories(now: number, partitions?: readonly number[]): Promise<LoadedHistories> {
    const only = partitionCondition('terminal_id', partitions);
    const folded = await this.rollupsFoldedTo();
    // The windows the engine's buffers keep, so the load reads no more and no less.
    const heartbeatsFrom = new Date(now - KEEP.heartbeatsMs);
    const heartbeatRawFrom = floorHour(now - 2 * HOUR);
    const signalFrom = new Date(now - KEEP.signalMs);
    const signalRawFrom = floorHour(now - KEEP.signalRawMs);
    return {
      registry: await this.registry(undefined, only),
      latest: await this.latest(only),
      heartbeats: await this.heartbeats(heartbeatsFrom, heartbeatRawFrom, folded, only),
      signal: await this.signal(signalFrom, signalRawFrom, folded, only),
      sim: await this.sim(new Date(now - KEEP.simMs), only),
      txn: await this.txn(new Date(now - KEEP.txnMs), only),
      events: await this.events(new Date(now - KEEP.eventsMs), only),
      status: await this.status(new Date(now - KEEP.statusMs), only),
      paper: await this.paper(new Date(now - 2 * DAY), only),
    };
  }

  /** The registry, or only rows changed from `since` on (imports made while running). */
  async registry(since?: Date, only: Only = ALL): Promise<RegistryRow[]> {
    const changed = since === undefined ? sql`true` : sql`updated_at >= ${since}`;
    const { rows } = await sql<RegistryRow>`
      select terminal_id, region, comm, registered from terminals where ${changed} and ${only}`.execute(
      this.db,
    );
    return rows;
  }

  /**
   * A time no registry change still to become visible can be stamped before: `updated_at` is
   * its transaction's start, so the oldest transaction still running here (or now). A
   * process's own clock would miss an import that began before a poll and committed after it.
   * Sessions of other roles show no start without pg_read_all_stats; the platform's are its own.
   * Only client sessions stamp rows: a long autovacuum must not hold the watermark back.
   */
  async registryWatermark(): Promise<Date> {
    const { rows } = await sql<{ watermark: Date }>`
      select least(now(), (select min(xact_start) from pg_stat_activity
        where datname = current_database() and backend_type = 'client backend'
          and xact_start is not null)) as watermark`.execute(this.db);
    return rows[0]!.watermark;
  }

  /**
   * Until when (platform receive time) the hourly rollups hold every raw row. Continuous
   * aggregates answer in real time; rollup tables lag their job's watermark.
   */
  private async rollupsFoldedTo(): Promise<Date> {
    if (this.database.mode === 'timescale') return new Date('9999-12-31T00:00:00Z');
    const { rows } = await sql<{ received_to: Date }>`
      select received_to from rollup_watermarks where name = 'rollups'`.execute(this.db);
    return rows[0]?.received_to ?? new Date('1900-01-01T00:00:00Z');
  }

  private async latest(only: Only): Promise<LatestRow[]> {
    const { rows } = await sql<LatestRow>`
      select terminal_id, last_seen_at,
        signal->>'comm' as signal_comm, signal->>'mccMnc' as signal_mcc_mnc,
        sim->>'carrier' as sim_carrier, sim->>'mccMnc' as sim_mcc_mnc,
        (heartbeat->>'intervalS')::int as interval_s,
        status_online, status_reason, status_ts, status_received_at
      from terminal_latest where ${only}`.execute(this.db);
    return rows;
  }

  /** One row per active hour: rollup buckets for the past, the hour's newest raw heartbeat after. */
  private async heartbeats(from: Date, rawFrom: Date, folded: Date, only: Only): Promise<HeartbeatRow[]> {
    const { rows } = await sql<HeartbeatRow>`
      select terminal_id, bucket as ts, null::int as interval_s, null::text as power, null::real as battery_pct
      from heartbeat_hourly
      where bucket >= ${from} and bucket < ${rawFrom} and ${only}
      union all
      select distinct on (terminal_id, date_bin('1 hour', ts, ${EPOCH}))
        terminal_id, ts, interval_s, power, battery_pct
      from heartbeats
      where ts >= ${from} and (ts >= ${rawFrom} or received_at >= ${folded}) and ${only}
      order by 1, 2`.execute(this.db);
    return rows;
  }

  /** Hourly averages from the rollup for the older hours, every reading for the recent ones. */
  private async signal(from: Date, rawFrom: Date, folded: Date, only: Only): Promise<SignalRow[]> {
    const { rows } = await sql<SignalRow>`
      select terminal_id, bucket + interval '59 minutes' as ts, null::text as comm,
        avg_rsrp_dbm as rsrp_dbm, avg_rsrq_db as rsrq_db, avg_sinr_db as sinr_db,
        round(avg_csq)::smallint as csq, avg_rssi_dbm as rssi_dbm, avg_wifi_rssi_dbm as wifi_rssi_dbm,
        case when line_failures > 0 then line_failures * 2 <= samples end as line_ok, null::text as mcc_mnc
      from signal_hourly
      where bucket >= ${floorHour(from.getTime())} and bucket < ${rawFrom} and ${only}
      union all
      select terminal_id, ts, comm, rsrp_dbm, rsrq_db, sinr_db, csq, rssi_dbm, wifi_rssi_dbm, line_ok, mcc_mnc
      from signal_samples
      where ts >= ${from} and (ts >= ${rawFrom} or received_at >= ${folded}) and ${only}
      order by 1, 2`.execute(this.db);
    return rows;
  }

  /** The newest SIM reading of each hour. */
  private async sim(from: Date, only: Only): Promise<SimRow[]> {
    const { rows } = await sql<SimRow>`
      select distinct on (terminal_id, date_bin('1 hour', ts, ${EPOCH}))
        terminal_id, ts, iccid, data_balance_mb, expires_at, data_plan_mb
      from sim_samples where ts >= ${from} and ${only}
      order by terminal_id, date_bin('1 hour', ts, ${EPOCH}), ts desc`.execute(this.db);
    return rows;
  }

  /** Transaction windows summed per hour, with the span they cover. */
  private async txn(from: Date, only: Only): Promise<TxnRow[]> {
    const { rows } = await sql<TxnRow>`
      select terminal_id, max(ts) as ts, min(ts - make_interval(secs => window_s)) as window_start,
        sum(approved) as approved, sum(declined) as declined, sum(timeouts) as timeouts,
        sum(reversals) as reversals, sum(reversal_failed) as reversal_failed, sum(comm_errors) as comm_errors
      from txn_windows where ts >= ${from} and ${only}
      group by terminal_id, date_bin('1 hour', ts, ${EPOCH})
      order by 1, 2`.execute(this.db);
    return rows;
  }

  private async events(from: Date, only: Only): Promise<EventRow[]> {
    const { rows } = await sql<EventRow>`
      select terminal_id, ts, code, detail from events where ts >= ${from} and ${only} order by terminal_id, ts`.execute(
      this.db,
    );
    return rows;
  }

  /** Statuses of the last day plus each terminal's newest (ts: when each took effect). */
  private async status(from: Date, only: Only): Promise<StatusRow[]> {
    const { rows } = await sql<StatusRow>`
      select terminal_id, online, reason, ts from status_changes where ts >= ${from} and ${only}
      union
      select terminal_id, status_online, status_reason, status_ts
      from terminal_latest where status_ts is not null and ${only}
      order by 1, 4`.execute(this.db);
    return rows;
  }

  private async paper(from: Date, only: Only): Promise<PaperRow[]> {
    const { rows } = await sql<PaperRow>`
      select terminal_id, ts, status from paper_samples where ts >= ${from} and ${only} order by terminal_id, ts`.execute(
      this.db,
    );
    return rows;
  }

  /** Writes changed scores in batched set-based UPDATEs. */
  async saveRisk(updates: readonly RiskUpdate[], at: Date): Promise<void> {
    for (let i = 0; i < updates.length; i += PERSIST_CHUNK) {
      const chunk = updates.slice(i, i + PERSIST_CHUNK);
      // Rows locked in terminal order, the order the ingestor's upserts take, so the two never deadlock.
      await sql`
        with u as (
          select * from unnest(
            ${toArrayLiteral(chunk.map((u) => u.terminalId))}::text[],
            ${toArrayLiteral(chunk.map((u) => u.riskScore))}::int[],
            ${toArrayLiteral(chunk.map((u) => JSON.stringify(u.causes)))}::jsonb[]
          ) as u(terminal_id, risk_score, causes)
        ),
        locked as (
          select l.terminal_id from terminal_latest l join u on u.terminal_id = l.terminal_id
          order by l.terminal_id collate "C" for update of l
        )
        update terminal_latest l
        set risk_score = u.risk_score, causes = u.causes, risk_updated_at = ${at}
        from u join locked on locked.terminal_id = u.terminal_id
        where l.terminal_id = u.terminal_id`.execute(this.db);
    }
  }

  /** Terminals with causes, highest risk first, within scope, with the newest contact marker. */
  async atRisk(q: AtRiskQuery): Promise<AtRiskRow[]> {
    const scoped: Expression<SqlBool> = scopeCondition(q.scope, {
      region: 't.region',
      merchantId: 't.merchant_id',
    });
    const cause =
      q.cause === undefined ? sql`true` : sql`l.causes @> ${JSON.stringify([{ code: q.cause }])}::jsonb`;
    const { rows } = await sql<AtRiskRow>`
      select l.terminal_id, l.risk_score, l.causes, t.merchant_id, t.merchant_name, t.merchant_phone, t.region, t.lat, t.lon,
        l.online, l.last_seen_at, c.contacted_by, c.contacted_at, c.note as contact_note
      from terminal_latest l
      left join terminals t on t.terminal_id = l.terminal_id
      left join lateral (
        select contacted_by, contacted_at, note from merchant_contacts m
        where m.terminal_id = l.terminal_id and m.contacted_at >= ${q.contactSince}
        order by contacted_at desc limit 1
      ) c on true
      where jsonb_array_length(l.causes) > 0 and ${scoped} and ${cause}
      order by l.risk_score desc, l.terminal_id
      limit ${q.limit}`.execute(this.db);
    return rows;
  }

  /** Where a terminal sits (for scope checks), or undefined if it is unknown. */
  async place(terminalId: string): Promise<{ region: string | null; merchantId: string | null } | undefined> {
    const { rows } = await sql<{ region: string | null; merchant_id: string | null }>`
      select t.region, t.merchant_id from (select ${terminalId}::text as terminal_id) k
      left join terminals t on t.terminal_id = k.terminal_id
      where exists (select 1 from terminals where terminal_id = k.terminal_id)
         or exists (select 1 from terminal_latest where terminal_id = k.terminal_id)`.execute(this.db);
    const row = rows[0];
    return row === undefined ? undefined : { region: row.region, merchantId: row.merchant_id };
  }

  async recordContact(terminalId: string, by: string, note: string | undefined): Promise<{ at: Date }> {
    const { rows } = await sql<{ contacted_at: Date }>`
      insert into merchant_contacts (terminal_id, contacted_by, note)
      values (${terminalId}, ${by}, ${note ?? null})
      returning contacted_at`.execute(this.db);
    return { at: rows[0]!.contacted_at };
  }
}
