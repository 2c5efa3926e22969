import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * Web push (issue #13): each browser a user subscribed, keyed by its push endpoint (a
 * phone that subscribes again under another user moves to that user), and `push` as a
 * channel of the outbox. The VAPID keys live in `server_secrets` (0003). Same in both modes.
 */
export const migration0019WebPush: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table push_subscriptions (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        endpoint text not null unique,
        p256dh text not null,
        auth text not null,
        user_agent text,
        created_at timestamptz not null,
        last_delivered_at timestamptz
      )`,
      sql`create index push_subscriptions_user_idx on push_subscriptions (user_id)`,
      sql`alter table notifications drop constraint notifications_channel_check`,
      sql`alter table notifications add constraint notifications_channel_check
        check (channel in ('email', 'webhook', 'sms', 'in_app', 'push'))`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`delete from notifications where channel = 'push'`,
      sql`alter table notifications drop constraint notifications_channel_check`,
      sql`alter table notifications add constraint notifications_channel_check
        check (channel in ('email', 'webhook', 'sms', 'in_app'))`,
      sql`drop table if exists push_subscriptions`,
    ]);
  },
});
