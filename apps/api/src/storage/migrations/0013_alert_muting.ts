import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * What holds alert notifications back (issue #12): silences (matchers and a time range;
 * expiring one sets its end to now), maintenance windows (a scope and a one-off or weekly
 * schedule, both as JSON the API validated) and each terminal's optional shop hours.
 * Same in both modes.
 */
export const migration0013AlertMuting: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table silences (
        id uuid primary key,
        matchers jsonb not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        comment text not null,
        created_by text not null,
        created_at timestamptz not null,
        check (ends_at >= starts_at)
      )`,
      sql`create index silences_ends_idx on silences (ends_at desc)`,
      sql`create table maintenance_windows (
        id uuid primary key,
        scope jsonb not null,
        schedule jsonb not null,
        comment text not null,
        created_by text not null,
        created_at timestamptz not null
      )`,
      sql`alter table terminals add column shop_hours jsonb`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`alter table terminals drop column if exists shop_hours`,
      sql`drop table if exists maintenance_windows`,
      sql`drop table if exists silences`,
    ]);
  },
});
