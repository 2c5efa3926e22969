import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE, type Database } from '../database';
import { LATEST_MAP_FIELDS, type MapRow } from './fleet.repository';

export interface TerminalChangeRow extends MapRow {
  last_seen_at: Date | null;
}

export interface TerminalPlaceRow {
  terminal_id: string;
  region: string | null;
  merchant_id: string | null;
}

/** What the live gateway and the map snapshot read: current state of the terminals that changed. */
@Injectable()
export class LiveRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async changes(terminalIds: readonly string[]): Promise<TerminalChangeRow[]> {
    if (terminalIds.length === 0) return [];
    const { rows } = await sql<TerminalChangeRow>`
      select t.terminal_id, t.region, t.merchant_id, l.online, l.last_seen_at, l.risk_score,
        l.top_cause, t.lat, t.lon, l.mcc_mnc
      from terminals t
      left join (${LATEST_MAP_FIELDS}) l on l.terminal_id = t.terminal_id
      where t.terminal_id = any(${[...terminalIds]}::text[])`.execute(this.database.db);
    return rows;
  }

  /** Where each terminal sits (region, merchant): what routing a push to socket rooms needs. */
  async places(terminalIds: readonly string[]): Promise<TerminalPlaceRow[]> {
    if (terminalIds.length === 0) return [];
    // One array parameter, however many ids (a first sweep re-assesses the whole fleet).
    const { rows } = await sql<TerminalPlaceRow>`
      select terminal_id, region, merchant_id from terminals
      where terminal_id = any(${[...terminalIds]}::text[])`.execute(this.database.db);
    return rows;
  }

  async place(terminalId: string): Promise<{ region: string | null; merchantId: string | null } | undefined> {
    const [row] = await this.places([terminalId]);
    return row && { region: row.region, merchantId: row.merchant_id };
  }
}
