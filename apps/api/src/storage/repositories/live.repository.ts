import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE, type Database } from '../database';

export interface TerminalChangeRow {
  terminal_id: string;
  region: string | null;
  merchant_id: string | null;
  online: boolean | null;
  last_seen_at: Date | null;
  risk_score: number | null;
  top_cause: string | null;
}

/** What the live gateway reads: current state of the terminals a batch touched. */
@Injectable()
export class LiveRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async changes(terminalIds: readonly string[]): Promise<TerminalChangeRow[]> {
    if (terminalIds.length === 0) return [];
    const { rows } = await sql<TerminalChangeRow>`
      select t.terminal_id, t.region, t.merchant_id, l.online, l.last_seen_at, l.risk_score,
        l.causes -> 0 ->> 'code' as top_cause
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
