import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql, type Transaction } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import type { DB } from '../../storage/schema/db-schema';
import type { FoldedOutage, StatusPoint } from './fold-outages';

/** A terminal whose status changed, and from when its outages must be folded again. */
export interface TouchedTerminal {
  terminalId: string;
  /** The start of the outage holding its earliest new status, or that status itself. */
  anchor: Date;
}

export interface StoredOutage {
  terminalId: string;
  startedAt: Date;
  endedAt: Date | null;
  reason: 'lost' | 'shutdown';
}

const WATERMARK = 'outages';

/** The status-change rollup's reads and writes (migration 0020). */
@Injectable()
export class OutagesRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.database.db.transaction().execute(work);
  }

  /** Locks and reads how far status changes (by receive time) have been folded in. */
  async lockWatermark(trx: Kysely<DB>): Promise<Date> {
    const { rows } = await sql<{ received_to: Date }>`
      select received_to from outage_watermarks where name = ${WATERMARK} for update`.execute(trx);
    return rows[0]?.received_to ?? new Date(0);
  }

  async saveWatermark(trx: Kysely<DB>, to: Date): Promise<void> {
    await sql`insert into outage_watermarks (name, received_to) values (${WATERMARK}, ${to})
      on conflict (name) do update set received_to = excluded.received_to`.execute(trx);
  }

  /** Terminals with status changes received in [from, to), each with its refold anchor. */
  async touched(trx: Kysely<DB>, from: Date, to: Date): Promise<TouchedTerminal[]> {
    const { rows } = await sql<{ terminal_id: string; anchor: Date }>`
      with changed as (
        select terminal_id, min(ts) as first_ts from status_changes
        where received_at >= ${from} and received_at < ${to} group by terminal_id
      )
      select c.terminal_id, coalesce(
        (select max(o.started_at) from terminal_outages o
         where o.terminal_id = c.terminal_id and o.started_at <= c.first_ts
           and (o.ended_at is null or o.ended_at >= c.first_ts)),
        c.first_ts) as anchor
      from changed c`.execute(trx);
    return rows.map((r) => ({ terminalId: r.terminal_id, anchor: r.anchor }));
  }

  /** Status changes of one terminal from `anchor` on, oldest first. */
  async statusSince(trx: Kysely<DB>, { terminalId, anchor }: TouchedTerminal): Promise<StatusPoint[]> {
    const { rows } = await sql<{ ts: Date; online: boolean; reason: string | null }>`
      select ts, online, reason from status_changes
      where terminal_id = ${terminalId} and ts >= ${anchor} and online is not null
      order by ts, seq`.execute(trx);
    return rows;
  }

  /** The first heartbeat after `after`: any traffic proves the terminal back. */
  async firstHeartbeatAfter(trx: Kysely<DB>, terminalId: string, after: Date): Promise<Date | null> {
    const { rows } = await sql<{ ts: Date | null }>`
      select min(ts) as ts from heartbeats where terminal_id = ${terminalId} and ts > ${after}`.execute(trx);
    return rows[0]?.ts ?? null;
  }

  async replaceSince(
    trx: Kysely<DB>,
    { terminalId, anchor }: TouchedTerminal,
    outages: ReadonlyArray<FoldedOutage & { endedAt: Date | null }>,
  ): Promise<void> {
    await sql`delete from terminal_outages where terminal_id = ${terminalId} and started_at >= ${anchor}`.execute(
      trx,
    );
    for (const outage of outages) {
      await sql`insert into terminal_outages (terminal_id, started_at, ended_at, reason)
        values (${terminalId}, ${outage.startedAt}, ${outage.endedAt}, ${outage.reason})`.execute(trx);
    }
  }

  /** Ends open outages at the first heartbeat after their start; returns how many ended. */
  async closeByHeartbeats(trx: Kysely<DB>): Promise<number> {
    const result = await sql`
      update terminal_outages o set ended_at = h.first_ts
      from (
        select open.terminal_id, open.started_at,
          (select min(hb.ts) from heartbeats hb where hb.terminal_id = open.terminal_id and hb.ts > open.started_at)
            as first_ts
        from terminal_outages open where open.ended_at is null
      ) h
      where o.terminal_id = h.terminal_id and o.started_at = h.started_at and o.ended_at is null
        and h.first_ts is not null`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  }

  /**
   * Outages of `terminalIds` that overlap [from, to). Times come as epoch ms (whole, as a
   * timestamp reads into a Date): parsing timestamp text was a large share of a fleet CSV.
   */
  async overlapping(terminalIds: readonly string[], from: Date, to: Date): Promise<StoredOutage[]> {
    if (terminalIds.length === 0) return [];
    const { rows } = await sql<{
      terminal_id: string;
      started_at: number;
      ended_at: number | null;
      reason: 'lost' | 'shutdown';
    }>`
      select terminal_id, floor(extract(epoch from started_at) * 1000)::float8 as started_at,
        floor(extract(epoch from ended_at) * 1000)::float8 as ended_at, reason from terminal_outages
      where terminal_id = any(${[...terminalIds]}::text[]) and started_at < ${to}
        and (ended_at is null or ended_at > ${from})
      order by terminal_id, started_at`.execute(this.database.db);
    return rows.map((r) => ({
      terminalId: r.terminal_id,
      startedAt: new Date(r.started_at),
      endedAt: r.ended_at === null ? null : new Date(r.ended_at),
      reason: r.reason,
    }));
  }
}
