import { sql, type Kysely } from 'kysely';
import type { DB } from '../storage/schema/db-schema';

/** Change rows are read within seconds; this much lets a risk process ride out a short stall. */
export const INGEST_CHANGES_KEEP = '10 minutes';

/** Drops change-feed rows and job-run records nobody reads any more. */
export async function cleanClusterTables(db: Kysely<DB>): Promise<void> {
  await sql`delete from ingest_changes where committed_at < now() - ${INGEST_CHANGES_KEEP}::interval`.execute(
    db,
  );
  await sql`delete from scheduled_job_runs where started_at < now() - interval '1 day'`.execute(db);
}
