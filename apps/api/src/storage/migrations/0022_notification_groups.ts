import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * Notices waiting out their group wait (issue #12), in the database instead of process
 * memory, so a restart inside the wait loses none. Per recipient (`user:<id>` or
 * `webhook:<url>`) the open group's due time and when its last message went out (the group
 * interval); and the notices themselves. A due group is sealed (`sealed_at`): its items are
 * then one message whatever joins later, so a process that dies while enqueueing it makes
 * the same message again, which the outbox's key drops. And the openings a silence or a
 * maintenance window held back (`alert_withheld_notices`), told once it ends while the alert
 * is still open, as Alertmanager does. Same in both modes.
 */
export const migration0022NotificationGroups: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table notification_groups (
        recipient_key text primary key,
        -- when the open group is due; null while none is open
        flush_at timestamptz,
        last_sent_at timestamptz
      )`,
      sql`create index notification_groups_due on notification_groups (flush_at) where flush_at is not null`,
      sql`create table notification_group_items (
        id bigserial primary key,
        recipient_key text not null,
        -- alert, change and its time: the same notice twice in a group is listed once
        notice_id text not null,
        notice jsonb not null,
        added_at timestamptz not null,
        sealed_at timestamptz,
        unique (recipient_key, notice_id)
      )`,
      sql`create index notification_group_items_sealed on notification_group_items (sealed_at)
        where sealed_at is not null`,
      sql`create table alert_withheld_notices (
        alert_id uuid primary key references alerts (id) on delete cascade,
        -- opened or reopened, at changed_at: the notice nobody was told
        change text not null,
        changed_at timestamptz not null
      )`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`drop table if exists alert_withheld_notices`,
      sql`drop table if exists notification_group_items`,
      sql`drop table if exists notification_groups`,
    ]);
  },
});
