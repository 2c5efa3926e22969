import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import {
  DEFAULT_USER_LOCALE,
  USER_LOCALES,
  USER_ROLES,
  type UserLocale,
  type UserRole,
} from '@fleet/telemetry/api/users';
import { authDb, type AuthTables } from '../auth/auth-tables';
import { DATABASE, type Database } from '../storage/database';
import type { QuietHours } from '@fleet/telemetry/api/notifications';
import type { RoutableUser } from './routing/rule-matching';

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

  /** Enabled users of these roles or ids, with their scope: whom routing rules may reach. */
  async routable(roles: readonly UserRole[], ids: readonly string[]): Promise<RoutableUser[]> {
    if (roles.length === 0 && ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'role', 'regions', 'merchant_ids'])
      .where('disabled', '=', false)
      .where((eb) =>
        eb.or([
          ...(roles.length > 0 ? [eb('role', 'in', [...roles])] : []),
          ...(ids.length > 0 ? [eb('id', 'in', [...ids])] : []),
        ]),
      )
      .execute();
    return rows.flatMap((row) =>
      isRole(row.role)
        ? [{ id: row.id, role: row.role, regions: row.regions, merchantIds: row.merchant_ids }]
        : [],
    );
  }

  /** Which of `ids` are users (enabled or not): a rule may only name users that exist. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', [...ids])
      .execute();
    return new Set(rows.map((row) => row.id));
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

function asLocale(value: string): UserLocale {
  return (USER_LOCALES as readonly string[]).includes(value) ? (value as UserLocale) : DEFAULT_USER_LOCALE;
}

function isRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}
