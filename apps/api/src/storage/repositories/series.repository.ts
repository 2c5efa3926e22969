import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE, type Database } from '../database';

/** One terminal's chart series over [from, to), downsampled in SQL. */
export interface SeriesWindow {
  terminalId: string;
  from: Date;
  to: Date;
  bucketSeconds: number;
  /** Read the hourly rollups (long ranges) instead of the raw tables. */
  fromRollups: boolean;
}

export interface SignalPoint {
  t: Date;
  rsrp_dbm: number | null;
  rsrq_db: number | null;
  sinr_db: number | null;
  csq: number | null;
  rssi_dbm: number | null;
  wifi_rssi_dbm: number | null;
}
export interface TxnPoint {
  t: Date;
  approved: number;
  declined: number;
  timeouts: number;
  reversals: number;
  comm_errors: number;
}

/** At most this many discrete rows (status changes, paper, events) per chart. */
const MAX_DISCRETE_ROWS = 2000;

/**
 * Chart data for the terminal detail page. Buckets come from `date_bin`, which both
 * TimescaleDB and plain PostgreSQL have; long ranges re-bin the hourly rollups.
 */
@Injectable()
export class SeriesRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async signal(w: SeriesWindow): Promise<SignalPoint[]> {
    const bin = binOf(w);
    const query = w.fromRollups
      ? sql<SignalPoint>`
          select date_bin(${bin}::interval, bucket, 'epoch') as t,
            sum(avg_rsrp_dbm * samples) / nullif(sum(samples) filter (where avg_rsrp_dbm is not null), 0) as rsrp_dbm,
            sum(avg_rsrq_db * samples) / nullif(sum(samples) filter (where avg_rsrq_db is not null), 0) as rsrq_db,
            sum(avg_sinr_db * samples) / nullif(sum(samples) filter (where avg_sinr_db is not null), 0) as sinr_db,
            sum(avg_csq * samples) / nullif(sum(samples) filter (where avg_csq is not null), 0) as csq,
            sum(avg_rssi_dbm * samples) / nullif(sum(samples) filter (where avg_rssi_dbm is not null), 0) as rssi_dbm,
            sum(avg_wifi_rssi_dbm * samples) / nullif(sum(samples) filter (where avg_wifi_rssi_dbm is not null), 0) as wifi_rssi_dbm
          from signal_hourly
          where terminal_id = ${w.terminalId} and bucket >= ${w.from} and bucket < ${w.to}
          group by 1 order by 1`
      : sql<SignalPoint>`
          select date_bin(${bin}::interval, ts, 'epoch') as t,
            avg(rsrp_dbm) as rsrp_dbm, avg(rsrq_db) as rsrq_db, avg(sinr_db) as sinr_db,
            avg(csq) filter (where csq <> 99) as csq,
            avg(rssi_dbm) as rssi_dbm, avg(wifi_rssi_dbm) as wifi_rssi_dbm
          from signal_samples
          where terminal_id = ${w.terminalId} and ts >= ${w.from} and ts < ${w.to}
          group by 1 order by 1`;
    return (await query.execute(this.database.db)).rows;
  }

  async simBalance(w: SeriesWindow): Promise<Array<{ t: Date; balance_mb: number | null }>> {
    const bin = binOf(w);
    // The lowest balance in a bucket: a top-up inside it shows in the next one.
    const query = w.fromRollups
      ? sql<{ t: Date; balance_mb: number | null }>`
          select date_bin(${bin}::interval, bucket, 'epoch') as t, min(min_balance_mb) as balance_mb
          from sim_hourly
          where terminal_id = ${w.terminalId} and bucket >= ${w.from} and bucket < ${w.to}
          group by 1 order by 1`
      : sql<{ t: Date; balance_mb: number | null }>`
          select date_bin(${bin}::interval, ts, 'epoch') as t, min(data_balance_mb) as balance_mb
          from sim_samples
          where terminal_id = ${w.terminalId} and ts >= ${w.from} and ts < ${w.to}
          group by 1 order by 1`;
    return (await query.execute(this.database.db)).rows;
  }

  async txn(w: SeriesWindow): Promise<TxnPoint[]> {
    const bin = binOf(w);
    const source = w.fromRollups ? sql`txn_hourly` : sql`txn_windows`;
    const time = w.fromRollups ? sql`bucket` : sql`ts`;
    const query = sql<TxnPoint>`
      select date_bin(${bin}::interval, ${time}, 'epoch') as t,
        coalesce(sum(approved), 0)::int as approved, coalesce(sum(declined), 0)::int as declined,
        coalesce(sum(timeouts), 0)::int as timeouts, coalesce(sum(reversals), 0)::int as reversals,
        coalesce(sum(comm_errors), 0)::int as comm_errors
      from ${source}
      where terminal_id = ${w.terminalId} and ${time} >= ${w.from} and ${time} < ${w.to}
      group by 1 order by 1`;
    return (await query.execute(this.database.db)).rows;
  }

  async heartbeats(w: SeriesWindow): Promise<Array<{ t: Date; count: number }>> {
    const bin = binOf(w);
    const query = w.fromRollups
      ? sql<{ t: Date; count: number }>`
          select date_bin(${bin}::interval, bucket, 'epoch') as t, sum(heartbeats)::int as count
          from heartbeat_hourly
          where terminal_id = ${w.terminalId} and bucket >= ${w.from} and bucket < ${w.to}
          group by 1 order by 1`
      : sql<{ t: Date; count: number }>`
          select date_bin(${bin}::interval, ts, 'epoch') as t, count(*)::int as count
          from heartbeats
          where terminal_id = ${w.terminalId} and ts >= ${w.from} and ts < ${w.to}
          group by 1 order by 1`;
    return (await query.execute(this.database.db)).rows;
  }

  /** Status changes in the window, ordered by receive time (a Last Will's own ts is its connect time). */
  async statuses(w: SeriesWindow): Promise<Array<{ t: Date; online: boolean; reason: string | null }>> {
    const query = sql<{ t: Date; online: boolean; reason: string | null }>`
      select case when online then ts else greatest(ts, received_at) end as t, online, reason
      from status_changes
      where terminal_id = ${w.terminalId} and received_at >= ${w.from} and ts < ${w.to}
      order by 1 limit ${MAX_DISCRETE_ROWS}`;
    return (await query.execute(this.database.db)).rows;
  }

  /** Paper status changes only: consecutive equal reports collapse into one. */
  async paperChanges(w: SeriesWindow): Promise<Array<{ t: Date; status: string }>> {
    const query = sql<{ t: Date; status: string }>`
      select t, status from (
        select ts as t, status, lag(status) over (order by ts) as previous
        from paper_samples
        where terminal_id = ${w.terminalId} and ts >= ${w.from} and ts < ${w.to}
      ) changes
      where previous is distinct from status
      order by t limit ${MAX_DISCRETE_ROWS}`;
    return (await query.execute(this.database.db)).rows;
  }

  async events(w: SeriesWindow): Promise<Array<{ t: Date; code: string; detail: string | null }>> {
    const query = sql<{ t: Date; code: string; detail: string | null }>`
      select ts as t, code, detail from events
      where terminal_id = ${w.terminalId} and ts >= ${w.from} and ts < ${w.to}
      order by ts desc limit ${MAX_DISCRETE_ROWS}`;
    return (await query.execute(this.database.db)).rows.reverse();
  }
}

function binOf(w: SeriesWindow): string {
  return `${w.bucketSeconds} seconds`;
}
