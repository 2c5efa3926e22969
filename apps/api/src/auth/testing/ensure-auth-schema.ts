import { sql } from 'kysely';
import type { Database } from '../../storage/database';
import { migration0003Auth } from '../../storage/migrations/0003_auth';
import { MIGRATIONS } from '../../storage/migrations/migration-list';

/**
 * Applies migration 0003_auth to a test database when the storage migration list does
 * not carry it yet (it is registered by the lead); once it does, this does nothing.
 */
export async function ensureAuthSchema(database: Database): Promise<void> {
  if (MIGRATIONS.some(([name]) => name === '0003_auth')) return;
  const { rows } = await sql<{
    present: boolean;
  }>`select to_regclass('public.users') is not null as present`.execute(database.db);
  if (rows[0]?.present) return;
  await migration0003Auth(database.mode).up(database.db);
}
