import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { authDb, type AuthTables } from '../../auth/auth-tables';
import { DATABASE, type Database } from '../../storage/database';

/** Each user's time zone (`users.time_zone`, migration 0020), as the user sets it. */
@Injectable()
export class UserTimeZoneRepository {
  private readonly db: Kysely<AuthTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = authDb(database);
  }

  async of(userId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select('time_zone')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.time_zone;
  }

  async save(userId: string, timeZone: string): Promise<void> {
    await this.db.updateTable('users').set({ time_zone: timeZone }).where('id', '=', userId).execute();
  }
}
