import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * Scheduled device-health reports (issue #14): each user's weekly and monthly subscription,
 * and the archive of what was made. The archive's key (user, cadence, period start) is what
 * makes a period's report exactly once across restarts and processes: a pass claims the row
 * with INSERT … ON CONFLICT DO NOTHING before it renders. A claim whose process died is taken
 * again after `claimed_until`. The outbox row of the mail points at the archived files
 * (`notifications.attachment_archive_id`) instead of copying them. Same in both modes.
 */
export const migration0023ReportSubscriptions: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table report_subscriptions (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        cadence text not null check (cadence in ('weekly', 'monthly')),
        -- null: every merchant in the user's scope
        merchant_ids text[],
        attach_csv boolean not null default false,
        -- null: the user's own
        locale text check (locale in ('zh-CN', 'en')),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        unique (user_id, cadence)
      )`,
      sql`create table report_archive (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        subscription_id uuid references report_subscriptions (id) on delete set null,
        cadence text not null check (cadence in ('weekly', 'monthly')),
        -- local dates [period_start, period_end) in time_zone
        period_start date not null,
        period_end date not null,
        time_zone text not null,
        locale text not null,
        state text not null check (state in ('claimed', 'ready')),
        claimed_until timestamptz not null,
        generated_at timestamptz,
        pdf bytea,
        csv bytea,
        unique (user_id, cadence, period_start)
      )`,
      sql`create index report_archive_user_idx on report_archive (user_id, generated_at desc)`,
      sql`create index report_archive_claimed_idx on report_archive (claimed_until) where state = 'claimed'`,
      sql`alter table notifications add column attachment_archive_id uuid
        references report_archive (id) on delete set null`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`alter table notifications drop column if exists attachment_archive_id`,
      sql`drop table if exists report_archive`,
      sql`drop table if exists report_subscriptions`,
    ]);
  },
});
