import { sql } from 'kysely';
import type { Database } from '../../storage/database';
import { migration0004Risk } from '../../storage/migrations/0004_risk';
import { MIGRATIONS } from '../../storage/migrations/migration-list';

/**
 * Applies migration 0004_risk to a test database when the storage migration list does not
 * carry it yet (the lead registers it); once it does, this does nothing.
 */
export async function ensureRiskSchema(database: Database): Promise<void> {
  if (MIGRATIONS.some(([name]) => name === '0004_risk')) return;
  const { rows } = await sql<{
    present: boolean;
  }>`select to_regclass('public.incidents') is not null as present`.execute(database.db);
  if (rows[0]?.present) return;
  await migration0004Risk(database.mode).up(database.db);
}
