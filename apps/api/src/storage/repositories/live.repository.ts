import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE, type Database } from '../database';
import type { MapRow } from './fleet.repository';

export interface TerminalChangeRow extends MapRow {
  last_seen_at: Date | null;
}

/** What the live gateway and the map snapshot read: current state of the terminals that changed. */
@Injectable()
export class LiveRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async changes(terminalIds: readonly string[]): Promise<TerminalChangeRow[]> {
    if (terminalIds.length === 0) return [];
    const { rows } = await sql<TerminalChangeRow>`
      select t.terminal_id, t.region, t.merchant_id, l.online, l.last_seen_at, l.risk_score,
        l.causes -> 0 ->> 'code' as top_cause, t.lat, t.lon,
        coalesce(l.signal ->> 'mccMnc', l.sim ->> 'mccMnc') as mcc_mnc
      from terminals t
      left join terminal_latest l on l.terminal_id = t.terminal_id
      where t.terminal_id = any(${[...terminalIds]}::text[])`.execute(this.database.db);
    return rows;
  }

  async place(terminalId: string): Promise<{ region: string | null; merchantId: string | null } | undefined> {
    const row = await this.database.db
      .selectFrom('terminals')
      .select(['region', 'merchant_id'])
      .where('terminal_id', '=', terminalId)
      .executeTakeFirst();
    return row && { region: row.region, merchantId: row.merchant_id };
  }
}
