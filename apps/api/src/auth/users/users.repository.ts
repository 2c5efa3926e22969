import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Selectable } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import { authDb, type AuthTables, type UsersTable } from '../auth-tables';

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Pick<UserRow, 'username' | 'password_hash' | 'role' | 'regions' | 'merchant_ids'>;

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
}
