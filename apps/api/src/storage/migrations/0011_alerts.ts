import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * The alert lifecycle (issue #12): one row per terminal and cause, or per incident, and
 * its timeline. A dedup key (`terminal:{id}:{code}` or `incident:{code}:{carrier}:{region}`)
 * is unique while the alert is not resolved, so the engine can never hold two live
 * alerts for one cause; a resolved one is reopened instead of duplicated. Same in both modes.
 */
export const migration0011Alerts: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table alerts (
        id uuid primary key,
        code text not null,
        severity text not null check (severity in ('critical', 'major', 'minor', 'warning')),
        state text not null check (state in ('open', 'acknowledged', 'resolved')),
        dedup_key text not null,
        terminal_id text,
        incident_id text,
        -- Where an incident alert is (terminal alerts take their place from terminals).
        incident_region text,
        incident_mcc_mnc text,
        opened_at timestamptz not null,
        acknowledged_at timestamptz,
        acknowledged_by text,
        acknowledge_note text,
        resolved_at timestamptz,
        resolved_by text,
        resolve_reason text,
        assignee uuid references users (id) on delete set null,
        occurrences integer not null default 1,
        last_raised_at timestamptz not null,
        -- Since when the cause has been gone while the alert is live; resolves after the hold.
        clear_since timestamptz,
        evidence jsonb not null default '{}'::jsonb,
        recommended_action text not null default '',
        check (terminal_id is not null or incident_id is not null)
      )`,
      sql`create unique index alerts_live_dedup_idx on alerts (dedup_key) where state <> 'resolved'`,
      sql`create index alerts_resolved_dedup_idx on alerts (dedup_key, resolved_at desc) where state = 'resolved'`,
      sql`create index alerts_state_opened_idx on alerts (state, opened_at desc)`,
      sql`create index alerts_terminal_idx on alerts (terminal_id) where terminal_id is not null`,
      sql`create table alert_events (
        id bigint generated always as identity primary key,
        alert_id uuid not null references alerts (id) on delete cascade,
        at timestamptz not null,
        kind text not null,
        actor text not null,
        detail jsonb not null default '{}'::jsonb
      )`,
      sql`create index alert_events_alert_idx on alert_events (alert_id, at, id)`,
    ]);
  },
  async down(db) {
    await runStatements(db, [sql`drop table if exists alert_events`, sql`drop table if exists alerts`]);
  },
});
