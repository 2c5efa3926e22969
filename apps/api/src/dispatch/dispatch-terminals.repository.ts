import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { ShopHours } from '@fleet/telemetry/api/muting';
import { DATABASE, type Database } from '../storage/database';

/** A cause as the risk engine stored it on the terminal. */
export interface StoredCause {
  code: string;
  evidence?: string;
  evidenceData?: Record<string, number | string>;
}

export interface DispatchTerminal {
  terminal_id: string;
  region: string | null;
  merchant_id: string | null;
  shop_hours: ShopHours | null;
  model: string | null;
  comm: string | null;
  lat: number | null;
  lon: number | null;
  causes: StoredCause[] | null;
}

/** What dispatch reads of a terminal: its place, shop hours and current causes. */
@Injectable()
export class DispatchTerminalsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** A registered (imported) terminal; undefined for unknown and unregistered ones. */
  async registered(terminalId: string): Promise<DispatchTerminal | undefined> {
    const { rows } = await sql<DispatchTerminal>`
      select t.terminal_id, t.region, t.merchant_id, t.shop_hours, t.model, t.comm, t.lat, t.lon, l.causes
      from terminals t left join terminal_latest l on l.terminal_id = t.terminal_id
      where t.terminal_id = ${terminalId} and t.registered`.execute(this.database.db);
    return rows[0];
  }
}
