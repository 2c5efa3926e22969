import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type {
  MaintenanceSchedule,
  MaintenanceScope,
  ShopHours,
  SilenceMatchers,
} from '@fleet/telemetry/api/muting';
import { DATABASE, type Database } from '../../storage/database';

export interface SilenceRow {
  id: string;
  matchers: SilenceMatchers;
  starts_at: Date;
  ends_at: Date;
  comment: string;
  created_by: string;
  created_at: Date;
}

export interface MaintenanceWindowRow {
  id: string;
  scope: MaintenanceScope;
  schedule: MaintenanceSchedule;
  comment: string;
  created_by: string;
  created_at: Date;
}

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
/** Enough for any screen; silences and windows are made by people, a few a day. */
const LIST_LIMIT = 1000;

/** Silences, maintenance windows and terminals' shop hours. */
@Injectable()
export class MutingRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async insertSilence(row: SilenceRow): Promise<SilenceRow> {
    const { rows } = await sql<SilenceRow>`
      insert into silences (id, matchers, starts_at, ends_at, comment, created_by, created_at)
      values (${row.id}, ${jsonb(row.matchers)}, ${row.starts_at}, ${row.ends_at}, ${row.comment},
        ${row.created_by}, ${row.created_at})
      returning *`.execute(this.database.db);
    return rows[0]!;
  }

  /** Newest end first: the live ones before the expired. */
  async silences(): Promise<SilenceRow[]> {
    const { rows } = await sql<SilenceRow>`
      select * from silences order by ends_at desc, id limit ${LIST_LIMIT}`.execute(this.database.db);
    return rows;
  }

  /** Silences not yet over at `at` (active or still to start). */
  async liveSilences(at: Date): Promise<SilenceRow[]> {
    const { rows } = await sql<SilenceRow>`
      select * from silences where ends_at > ${at} order by starts_at, id`.execute(this.database.db);
    return rows;
  }

  /** Ends the silence at `at` (one still to start ends before it began); undefined when unknown. */
  async expireSilence(id: string, at: Date): Promise<SilenceRow | undefined> {
    const { rows } = await sql<SilenceRow>`
      update silences set ends_at = least(ends_at, greatest(${at}::timestamptz, starts_at)),
        starts_at = least(starts_at, ${at}::timestamptz)
      where id = ${id} returning *`.execute(this.database.db);
    return rows[0];
  }

  async insertWindow(row: MaintenanceWindowRow): Promise<MaintenanceWindowRow> {
    const { rows } = await sql<MaintenanceWindowRow>`
      insert into maintenance_windows (id, scope, schedule, comment, created_by, created_at)
      values (${row.id}, ${jsonb(row.scope)}, ${jsonb(row.schedule)}, ${row.comment}, ${row.created_by},
        ${row.created_at})
      returning *`.execute(this.database.db);
    return rows[0]!;
  }

  async windows(): Promise<MaintenanceWindowRow[]> {
    const { rows } = await sql<MaintenanceWindowRow>`
      select * from maintenance_windows order by created_at desc, id limit ${LIST_LIMIT}`.execute(
      this.database.db,
    );
    return rows;
  }

  async updateWindow(
    id: string,
    change: Pick<MaintenanceWindowRow, 'scope' | 'schedule' | 'comment'>,
  ): Promise<MaintenanceWindowRow | undefined> {
    const { rows } = await sql<MaintenanceWindowRow>`
      update maintenance_windows set scope = ${jsonb(change.scope)}, schedule = ${jsonb(change.schedule)},
        comment = ${change.comment}
      where id = ${id} returning *`.execute(this.database.db);
    return rows[0];
  }

  async deleteWindow(id: string): Promise<MaintenanceWindowRow | undefined> {
    const { rows } = await sql<MaintenanceWindowRow>`
      delete from maintenance_windows where id = ${id} returning *`.execute(this.database.db);
    return rows[0];
  }

  /** The shop hours of those of `terminalIds` that have them. */
  async shopHoursOf(terminalIds: readonly string[]): Promise<Map<string, ShopHours>> {
    if (terminalIds.length === 0) return new Map();
    const { rows } = await sql<{ terminal_id: string; shop_hours: ShopHours }>`
      select terminal_id, shop_hours from terminals
      where terminal_id = any(${[...terminalIds]}::text[]) and shop_hours is not null`.execute(
      this.database.db,
    );
    return new Map(rows.map((row) => [row.terminal_id, row.shop_hours]));
  }
}
