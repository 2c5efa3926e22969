import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { USER_LOCALES, DEFAULT_USER_LOCALE, type UserLocale } from '@fleet/telemetry/api/users';
import { authDb, type AuthTables } from '../auth/auth-tables';
import { DATABASE, type Database } from '../storage/database';

/** How to reach a user, read when their message is made so it follows their latest edit. */
export interface UserContact {
  id: string;
  email: string | null;
  phone: string | null;
  locale: UserLocale;
}

@Injectable()
export class RecipientsRepository {
  private readonly db: Kysely<AuthTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = authDb(database);
  }

  /** Enabled users among `ids`; disabled and unknown ones are left out. */
  async enabledContacts(ids: readonly string[]): Promise<UserContact[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'phone', 'locale'])
      .where('id', 'in', [...ids])
      .where('disabled', '=', false)
      .execute();
    return rows.map((row) => ({ ...row, locale: asLocale(row.locale) }));
  }
}

function asLocale(value: string): UserLocale {
  return (USER_LOCALES as readonly string[]).includes(value) ? (value as UserLocale) : DEFAULT_USER_LOCALE;
}
