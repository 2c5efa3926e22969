import { sql } from 'kysely';
import type { Database } from './database';
import { RAW_TABLES } from './raw-tables';

/** The hourly aggregates' refresh window reaches this far back (see migration 0002). */
const HOURLY_REFRESH_DAYS = 3;

/**
 * Sets how long raw telemetry is kept (RAW_RETENTION_DAYS). Timescale: a retention
 * policy per hypertable. Postgres: deletes expired rows now; the RollupJob keeps doing so.
 */
export async function applyRetention(database: Database, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`RAW_RETENTION_DAYS must be a whole number ≥ 1, got ${days}`);
  if (database.mode === 'postgres') {
    await deleteExpiredRaw(database, new Date(Date.now() - days * 86_400_000));
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    for (const table of RAW_TABLES) {
      await sql`select remove_retention_policy(${table}::regclass, if_exists => true)`.execute(trx);
      await sql`select add_retention_policy(${table}::regclass, ${days}::int * interval '1 day')`.execute(
        trx,
      );
    }
    if (days < HOURLY_REFRESH_DAYS) await narrowHourlyRefresh(trx, days);
  });
}

/**
 * A refresh over a window whose raw rows were already dropped would empty those
 * buckets, so the hourly aggregates must not look back further than retention.
 */
async function narrowHourlyRefresh(db: Database['db'], days: number): Promise<void> {
  const { rows } = await sql<{ view_name: string }>`
    select view_name from timescaledb_information.continuous_aggregates where view_name like '%\_hourly'
  `.execute(db);
  for (const { view_name } of rows) {
    await sql`select remove_continuous_aggregate_policy(${view_name}::regclass, if_exists => true)`.execute(
      db,
    );
    await sql`select add_continuous_aggregate_policy(${view_name}::regclass,
      start_offset => ${days}::int * interval '1 day', end_offset => interval '1 hour',
      schedule_interval => interval '15 minutes')`.execute(db);
  }
}

/** Postgres mode: removes raw rows whose device time is older than the cutoff. */
export async function deleteExpiredRaw(database: Database, cutoff: Date): Promise<number> {
  let deleted = 0;
  for (const table of RAW_TABLES) {
    const result = await sql`delete from ${sql.table(table)} where ts < ${cutoff}`.execute(database.db);
    deleted += Number(result.numAffectedRows ?? 0);
  }
  return deleted;
}
