import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Selectable, Updateable } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import { authDb, type AuthTables, type UsersTable } from '../auth-tables';
import type { Role } from './role';

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Pick<UserRow, 'username' | 'password_hash' | 'role' | 'regions' | 'merchant_ids'> &
  Partial<Pick<UserRow, 'email' | 'phone' | 'locale'>> &
  Partial<Pick<Updateable<UsersTable>, 'skills' | 'home_base'>>;
/** The columns an update may set. */
export type UserChanges = Pick<
  Updateable<UsersTable>,
  | 'role'
  | 'regions'
  | 'merchant_ids'
  | 'email'
  | 'phone'
  | 'locale'
  | 'quiet_hours'
  | 'skills'
  | 'home_base'
  | 'time_zone'
  | 'disabled'
  | 'password_hash'
>;

/** What a user may see now, for re-checking long-lived connections (see activeScopes). */
export interface UserScopeRow {
  id: string;
  disabled: boolean;
  role: Role;
  regions: string[];
  merchantIds: string[];
}

/** Postgres rejects a malformed uuid literal with an error; such ids simply name nobody. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class UsersRepository {
  private readonly db: Kysely<AuthTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = authDb(database);
  }

  /** The new row, or undefined when the username is taken. */
  insert(user: NewUserRow): Promise<UserRow | undefined> {
    return this.db
      .insertInto('users')
      .values(user)
      .onConflict((oc) => oc.column('username').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  findById(id: string): Promise<UserRow | undefined> {
    if (!UUID.test(id)) return Promise.resolve(undefined);
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  list(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('username').execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Changes one user in one transaction. The user's row and every enabled admin's row are
   * locked first (in id order, one statement, so concurrent edits cannot deadlock), then
   * `decide` sees the current row and the other enabled admins and returns a plan holding
   * the columns to set, or throws to change nothing. So two admins disabling each other at once queue
   * here, and the second sees it would leave no admin. Undefined when the user does not exist.
   */
  async update<P extends { changes: UserChanges }>(
    id: string,
    decide: (current: UserRow, otherEnabledAdminIds: string[]) => P,
  ): Promise<{ plan: P; before: UserRow; after: UserRow } | undefined> {
    if (!UUID.test(id)) return undefined;
    return this.db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom('users')
        .selectAll()
        .where((eb) =>
          eb.or([eb('id', '=', id), eb.and([eb('role', '=', 'admin'), eb('disabled', '=', false)])]),
        )
        .orderBy('id')
        .forUpdate()
        .execute();
      const before = locked.find((row) => row.id === id);
      if (!before) return undefined;
      const plan = decide(
        before,
        locked.filter((row) => row.id !== id && row.role === 'admin' && !row.disabled).map((row) => row.id),
      );
      if (Object.keys(plan.changes).length === 0) return { plan, before, after: before };
      const after = await trx
        .updateTable('users')
        .set(plan.changes)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { plan, before, after };
    });
  }

  /** For these ids, whether each is disabled and what it may see now; unknown ids are left out. One query. */
  async activeScopes(ids: readonly string[]): Promise<UserScopeRow[]> {
    const valid = [...new Set(ids)].filter((id) => UUID.test(id));
    if (valid.length === 0) return [];
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'disabled', 'role', 'regions', 'merchant_ids'])
      .where('id', 'in', valid)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      disabled: row.disabled,
      role: row.role as Role,
      regions: row.regions,
      merchantIds: row.merchant_ids,
    }));
  }
}
