import { sql } from 'kysely';
import type { Database, OpenDatabaseOptions } from './database';
import { describeTarget } from './drivers/connection-error';
import { embeddedDataPath, openEmbeddedDatabase } from './drivers/open-embedded-database';
import { openPgDatabase } from './drivers/open-pg-database';

/**
 * Opens the server named by DATABASE_URL, or the embedded TimescaleDB under DATA_DIR,
 * and logs which one and in which mode. Failures throw one line naming the cause.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const log = options.log ?? (() => undefined);
  const database = options.databaseUrl
    ? await openPgDatabase(options.databaseUrl, log)
    : await openEmbeddedDatabase(options.dataDir);
  const where = options.databaseUrl
    ? `server ${describeTarget(options.databaseUrl)}`
    : `embedded at ${embeddedDataPath(options.dataDir)}`;
  const { rows } = await sql<{
    version: string;
  }>`select split_part(current_setting('server_version'), ' ', 1) as version`.execute(database.db);
  log(`database: PostgreSQL ${rows[0]?.version ?? '?'} ${where}, mode ${database.mode}`);
  return database;
}
