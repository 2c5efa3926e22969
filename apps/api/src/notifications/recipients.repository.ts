import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { USER_LOCALES, DEFAULT_USER_LOCALE, type UserLocale } from '@fleet/telemetry/api/users';
import { authDb, type AuthTables } from '../auth/auth-tables';
import { DATABASE, type Database } from '../storage/database';
import type { QuietHours } from '@fleet/telemetry/api/notifications';

/** How to reach a user, read when their message is made so it follows their latest edit. */
export interface UserContact {
  id: string;
  email: string | null;
  phone: string | null;
  locale: UserLocale;
  /** Notices (but critical ones) wait until these end; null for none. */
  quietHours: QuietHours | null;
}

@Injectable()
export class RecipientsRepository {
  private readonly db: Kysely<AuthTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = authDb(database);
  }

  /**
   * The enabled users an alert concerns: support for the whole fleet, technicians whose
   * regions hold it, account managers whose merchants hold it (terminal alerts only: an
   * incident is not one merchant's). Admins manage the platform and are not paged.
   */
  async concernedBy(place: AlertPlace): Promise<string[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('id')
      .where('disabled', '=', false)
      .where((eb) =>
        eb.or([
          eb('role', '=', 'support'),
          ...(place.region
            ? [eb.and([eb('role', '=', 'technician'), sql<boolean>`${place.region} = any(regions)`])]
            : []),
          ...(place.terminalId && place.merchantId
            ? [
                eb.and([
                  eb('role', '=', 'account_manager'),
                  sql<boolean>`${place.merchantId} = any(merchant_ids)`,
                ]),
              ]
            : []),
        ]),
      )
      .execute();
    return rows.map((row) => row.id);
  }

  /** Enabled users among `ids`; disabled and unknown ones are left out. */
  async enabledContacts(ids: readonly string[]): Promise<UserContact[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'phone', 'locale', 'quiet_hours'])
      .where('id', 'in', [...ids])
      .where('disabled', '=', false)
      .execute();
    return rows.map(({ quiet_hours, ...row }) => ({
      ...row,
      locale: asLocale(row.locale),
      quietHours: quiet_hours,
    }));
  }

  /** Enabled users of these roles (escalation level 2: support and admins). */
  async withRoles(roles: readonly string[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('id')
      .where('role', 'in', [...roles])
      .where('disabled', '=', false)
      .execute();
    return rows.map((row) => row.id);
  }

  /** The enabled user of that name, if any (a named escalation target). */
  async idOfUsername(username: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .where('disabled', '=', false)
      .executeTakeFirst();
    return row?.id;
  }
}

/** Where an alert belongs; an incident alert has a region at most. */
export interface AlertPlace {
  terminalId?: string;
  region?: string;
  merchantId?: string;
}

function asLocale(value: string): UserLocale {
  return (USER_LOCALES as readonly string[]).includes(value) ? (value as UserLocale) : DEFAULT_USER_LOCALE;
}
