import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * The risk engine's own tables: "merchant contacted" markers and area-wide incidents with
 * their members. Same in both modes. Per-terminal scores live in terminal_latest (0001).
 */
export const migration0004Risk: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      // Every contact is kept (who called whom, when); the newest one is the marker.
      sql`create table merchant_contacts (
        id bigint generated always as identity primary key,
        terminal_id text not null,
        contacted_by text not null,
        contacted_at timestamptz not null default now(),
        note text
      )`,
      sql`create index merchant_contacts_terminal_idx on merchant_contacts (terminal_id, contacted_at desc)`,

      // Ended incidents stay (ended_at set) so the history of outages remains queryable.
      sql`create table incidents (
        id text primary key,
        code text not null check (code in ('CARRIER_OUTAGE', 'HOST_MAINTENANCE')),
        mcc_mnc text,
        carrier text,
        region text,
        started_at timestamptz not null,
        ended_at timestamptz,
        terminal_count integer not null,
        updated_at timestamptz not null default now()
      )`,
      sql`create index incidents_open_idx on incidents (started_at desc) where ended_at is null`,
      sql`create index incidents_started_idx on incidents (started_at desc)`,
      sql`create table incident_members (
        incident_id text not null references incidents (id) on delete cascade,
        terminal_id text not null,
        primary key (incident_id, terminal_id)
      )`,
      sql`create index incident_members_terminal_idx on incident_members (terminal_id)`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`drop table if exists incident_members`,
      sql`drop table if exists incidents`,
      sql`drop table if exists merchant_contacts`,
    ]);
  },
});
