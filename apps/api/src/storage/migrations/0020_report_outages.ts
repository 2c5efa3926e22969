import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * Device-health reports (issue #14). `terminal_outages` is a rollup of status changes into
 * intervals (offline from a Last Will or a clean shutdown until the terminal is heard
 * again), kept by the app-side OutageJob in both modes: continuous aggregates cannot pair
 * consecutive rows. Reports read these few rows instead of the raw status and heartbeat
 * rows. Users get the time zone their report periods are cut in.
 */
export const migration0020ReportOutages: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table terminal_outages (
        terminal_id text collate "C" not null,
        started_at timestamptz not null,
        -- null while the terminal is still down
        ended_at timestamptz,
        reason text not null check (reason in ('lost', 'shutdown')),
        primary key (terminal_id, started_at)
      )`,
      sql`create index terminal_outages_open_idx on terminal_outages (terminal_id) where ended_at is null`,
      sql`create table outage_watermarks (name text primary key, received_to timestamptz not null)`,
      sql`alter table users add column time_zone text not null default 'Asia/Shanghai'`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`alter table users drop column if exists time_zone`,
      sql`drop table if exists outage_watermarks`,
      sql`drop table if exists terminal_outages`,
    ]);
  },
});
