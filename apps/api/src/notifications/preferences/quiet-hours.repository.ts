import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { QuietHours } from '@fleet/telemetry/api/notifications';
import { authDb, type AuthTables } from '../../auth/auth-tables';
import { DATABASE, type Database } from '../../storage/database';

/** Each user's quiet hours (`users.quiet_hours`, migration 0014), as the user sets them. */
@Injectable()
export class QuietHoursRepository {
  private readonly db: Kysely<AuthTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = authDb(database);
  }

  /** Null for none, and for an unknown user. */
  async of(userId: string): Promise<QuietHours | null> {
    const row = await this.db
      .selectFrom('users')
      .select('quiet_hours')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.quiet_hours ?? null;
  }

  async save(userId: string, quiet: QuietHours | null): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ quiet_hours: quiet === null ? null : JSON.stringify(quiet) })
      .where('id', '=', userId)
      .execute();
  }
}
