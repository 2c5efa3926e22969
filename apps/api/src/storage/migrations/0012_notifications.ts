import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * The notification outbox (issue #12): one row per message to send, worked by
 * NotificationWorker, and one row per delivery attempt. Same in both modes.
 */
export const migration0012Notifications: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table notifications (
        id uuid primary key default gen_random_uuid(),
        -- null for a channel that is not a person (a webhook endpoint)
        recipient_user_id uuid references users (id) on delete set null,
        channel text not null check (channel in ('email', 'webhook', 'sms', 'in_app')),
        -- where it goes: an e-mail address, a webhook URL, a phone number, a user id
        address text not null,
        -- the sender's key: enqueueing the same key twice makes one notification
        idempotency_key text not null unique,
        subject text not null,
        body_text text not null,
        body_html text,
        payload jsonb not null default '{}'::jsonb,
        state text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed')),
        attempts integer not null default 0,
        -- pending: when it is due; sending: when the claim lapses if its sender died
        next_attempt_at timestamptz not null,
        last_error text,
        created_at timestamptz not null,
        sent_at timestamptz
      )`,
      // The worker's one query: due rows that are not finished.
      sql`create index notifications_due_idx on notifications (next_attempt_at)
        where state in ('pending', 'sending')`,
      sql`create index notifications_recipient_idx on notifications (recipient_user_id, created_at desc)`,
      sql`create table notification_attempts (
        id bigint generated always as identity primary key,
        notification_id uuid not null references notifications (id) on delete cascade,
        at timestamptz not null,
        outcome text not null check (outcome in ('sent', 'retry', 'failed')),
        error text
      )`,
      sql`create index notification_attempts_notification_idx on notification_attempts (notification_id, id)`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`drop table if exists notification_attempts`,
      sql`drop table if exists notifications`,
    ]);
  },
});
