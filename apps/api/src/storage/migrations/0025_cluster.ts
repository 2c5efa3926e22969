import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * Several processes (issue #15). `ingest_changes`: each ingest commit's new messages, written
 * in the batch's own transaction (so a change is announced exactly when its rows are stored)
 * and read by the risk process in id order; rows are short-lived. `scheduled_job_runs`: one
 * row per job and time slot, inserted by the process that runs it, so a repeating job runs
 * once per slot across processes. Same in both modes.
 */
export const migration0025Cluster: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table ingest_changes (
        id bigserial primary key,
        committed_at timestamptz not null default now(),
        -- JSON text, not jsonb: written once and read once, so not worth jsonb's parse on every batch
        messages text not null
      )`,
      sql`create index ingest_changes_committed_at on ingest_changes (committed_at)`,
      sql`create table scheduled_job_runs (
        job text not null,
        slot bigint not null,
        node text not null,
        started_at timestamptz not null default now(),
        primary key (job, slot)
      )`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`drop table if exists scheduled_job_runs`,
      sql`drop table if exists ingest_changes`,
    ]);
  },
});
