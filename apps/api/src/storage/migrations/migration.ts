import type { Migration, QueryExecutorProvider, RawBuilder } from 'kysely';
import type { DatabaseMode } from '../database';

/** A migration that may differ by mode (hypertables and continuous aggregates vs plain tables). */
export type MigrationFactory = (mode: DatabaseMode) => Migration;

/** Runs statements one by one, so a failure names the statement that broke. */
export async function runStatements(
  db: QueryExecutorProvider,
  statements: ReadonlyArray<RawBuilder<unknown>>,
): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
