import { sql, type QueryExecutorProvider } from 'kysely';
import type { DatabaseMode } from '../database';

/**
 * TimescaleDB when the extension is installed, or available on a database not yet
 * migrated (then it is created). A database migrated as plain PostgreSQL stays plain:
 * its tables are not hypertables, so switching modes later would break the schema.
 */
export async function detectMode(
  db: QueryExecutorProvider,
  log: (line: string) => void,
): Promise<DatabaseMode> {
  const { rows } = await sql<{ installed: boolean; available: boolean; migrated: boolean }>`
    select
      exists (select 1 from pg_extension where extname = 'timescaledb') as installed,
      exists (select 1 from pg_available_extensions where name = 'timescaledb') as available,
      to_regclass('public.kysely_migration') is not null as migrated
  `.execute(db);
  const { installed, available, migrated } = rows[0]!;
  if (installed) return 'timescale';
  if (!available) return 'postgres';
  if (migrated) {
    log(
      'database: timescaledb is available but this database was migrated without it; staying in postgres mode',
    );
    return 'postgres';
  }
  try {
    await sql`create extension if not exists timescaledb`.execute(db);
    return 'timescale';
  } catch (error) {
    // Typically a managed server that lists the extension but has not preloaded it.
    log(`database: timescaledb could not be created (${(error as Error).message}); using postgres mode`);
    return 'postgres';
  }
}
