import {
  Migrator,
  NO_MIGRATIONS,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import type { Database } from '../database';
import { MIGRATIONS } from './migration-list';

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

export function createMigrator(database: Database): Migrator {
  const migrations = Object.fromEntries(MIGRATIONS.map(([name, factory]) => [name, factory(database.mode)]));
  return new Migrator({ db: database.db, provider: new StaticMigrationProvider(migrations) });
}

/** Applies every pending migration; returns the names applied. Throws one line on failure. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  return check(await createMigrator(database).migrateToLatest(), 'migrate to latest');
}

/** Reverts every migration (tests and disaster recovery). */
export async function migrateDownAll(database: Database): Promise<string[]> {
  return check(await createMigrator(database).migrateTo(NO_MIGRATIONS), 'migrate down');
}

function check({ error, results }: MigrationResultSet, action: string): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new Error(`database: cannot ${action}${failed ? `: migration ${failed} failed` : ''}: ${message}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
