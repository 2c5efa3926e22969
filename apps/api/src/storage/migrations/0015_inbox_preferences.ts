import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * The in-app inbox (one row per notice the `in_app` channel delivered, unique per outbox
 * row so a re-sent notification is one item) and each user's notification preferences
 * (JSON the API validated; no row means the defaults). Same in both modes.
 */
export const migration0015InboxPreferences: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table inbox_items (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        notification_id uuid unique references notifications (id) on delete set null,
        alert_id text,
        title text not null,
        body text not null,
        created_at timestamptz not null,
        read_at timestamptz
      )`,
      sql`create index inbox_items_user_idx on inbox_items (user_id, created_at desc)`,
      sql`create index inbox_items_unread_idx on inbox_items (user_id) where read_at is null`,
      sql`create table notification_preferences (
        user_id uuid primary key references users (id) on delete cascade,
        channels jsonb not null,
        updated_at timestamptz not null
      )`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`drop table if exists notification_preferences`,
      sql`drop table if exists inbox_items`,
    ]);
  },
});
