import { Inject, Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { DATABASE, type Database } from '../database';
import type { HeartbeatRollup, SignalRollup, SimRollup, TxnRollup } from '../schema/db-schema';

export type RollupGrain = 'hourly' | 'daily';

export interface RollupRange {
  terminalId: string;
  grain: RollupGrain;
  /** Inclusive bucket start. */
  from: Date;
  /** Exclusive bucket start. */
  to: Date;
}

/**
 * Reads hourly/daily rollups. Continuous aggregates (timescale) and rollup tables
 * (postgres) share names and columns, so the same query serves both modes.
 */
@Injectable()
export class RollupsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  signal(range: RollupRange): Promise<Selectable<SignalRollup>[]> {
    return this.read(`signal_${range.grain}`, range) as Promise<Selectable<SignalRollup>[]>;
  }
  txn(range: RollupRange): Promise<Selectable<TxnRollup>[]> {
    return this.read(`txn_${range.grain}`, range) as Promise<Selectable<TxnRollup>[]>;
  }
  sim(range: RollupRange): Promise<Selectable<SimRollup>[]> {
    return this.read(`sim_${range.grain}`, range) as Promise<Selectable<SimRollup>[]>;
  }
  heartbeats(range: RollupRange): Promise<Selectable<HeartbeatRollup>[]> {
    return this.read(`heartbeat_${range.grain}`, range) as Promise<Selectable<HeartbeatRollup>[]>;
  }

  private read(
    table: `${'signal' | 'txn' | 'sim' | 'heartbeat'}_${RollupGrain}`,
    { terminalId, from, to }: RollupRange,
  ): Promise<unknown[]> {
    return this.database.db
      .selectFrom(table)
      .selectAll()
      .where('terminal_id', '=', terminalId)
      .where('bucket', '>=', from)
      .where('bucket', '<', to)
      .orderBy('bucket')
      .execute();
  }
}
