import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * Reminders and escalation of open alerts (issue #12): per alert, how many reminders went
 * out and the escalation level reached, so a restart resumes them from the database.
 * And each user's quiet hours (`{"start":"22:00","end":"07:00"}`, Asia/Shanghai), null
 * for none. Same in both modes.
 */
export const migration0014AlertEscalation: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table alert_escalations (
        alert_id uuid primary key references alerts (id) on delete cascade,
        -- the open period this progress belongs to (alerts.last_raised_at): a reopen starts afresh
        raised_at timestamptz not null,
        reminders_sent integer not null default 0,
        -- 1: the people concerned (the alert's first notice); each step raises it
        level integer not null default 1,
        updated_at timestamptz not null
      )`,
      sql`alter table users add column quiet_hours jsonb`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`alter table users drop column if exists quiet_hours`,
      sql`drop table if exists alert_escalations`,
    ]);
  },
});
