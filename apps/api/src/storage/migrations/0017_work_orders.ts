import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * Field dispatch (issue #13): work orders and their audited transitions (a phone's
 * `clientId` is unique per order, so a replayed change is stored once), what support
 * recorded on an alert before a visit (merchant contacted, remote step tried, line fine),
 * and the remote-action queue for SIM causes. One order and one remote action per alert
 * and open period (`alert_raised_at`), so the policy never makes two. Same in both modes.
 */
export const migration0017WorkOrders: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table work_orders (
        id uuid primary key default gen_random_uuid(),
        terminal_id text not null,
        code text not null,
        kind text not null check (kind in ('repair', 'paper_delivery')),
        state text not null check (state in ('new', 'assigned', 'accepted', 'rejected', 'en_route',
          'on_site', 'resolved', 'cannot_complete', 'cancelled')),
        priority text not null check (priority in ('urgent', 'next_business_day', 'standard')),
        assignee uuid references users (id) on delete set null,
        alert_id uuid references alerts (id) on delete set null,
        alert_raised_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        created_by text not null,
        sla_due_at timestamptz not null,
        -- when support was told of the breach (once)
        sla_breach_notified_at timestamptz,
        parts jsonb not null default '[]'::jsonb,
        evidence jsonb not null default '{}'::jsonb,
        recommended_action text not null default '',
        reason text,
        note text,
        resolved_at timestamptz,
        confirmation text check (confirmation in ('pending', 'confirmed', 'still_failing')),
        confirmation_at timestamptz,
        -- technicians who turned it down: automatic assignment passes them over
        rejected_by uuid[] not null default '{}'
      )`,
      sql`create unique index work_orders_alert_period_idx on work_orders (alert_id, alert_raised_at)`,
      sql`create index work_orders_state_idx on work_orders (state, sla_due_at)`,
      sql`create index work_orders_assignee_idx on work_orders (assignee) where assignee is not null`,
      sql`create index work_orders_terminal_idx on work_orders (terminal_id, created_at desc)`,
      sql`create table work_order_transitions (
        id bigint generated always as identity primary key,
        work_order_id uuid not null references work_orders (id) on delete cascade,
        from_state text not null,
        to_state text not null,
        at timestamptz not null,
        recorded_at timestamptz not null,
        actor text not null,
        reason text,
        client_id text,
        unique (work_order_id, client_id)
      )`,
      sql`create index work_order_transitions_order_idx on work_order_transitions (work_order_id, id)`,
      sql`create table support_steps (
        id uuid primary key default gen_random_uuid(),
        alert_id uuid not null references alerts (id) on delete cascade,
        terminal_id text not null,
        kind text not null check (kind in ('merchant_contacted', 'remote_step', 'line_ok')),
        note text,
        at timestamptz not null,
        actor text not null
      )`,
      sql`create index support_steps_alert_idx on support_steps (alert_id, at)`,
      sql`create table remote_actions (
        id uuid primary key default gen_random_uuid(),
        kind text not null check (kind in ('top_up', 'renew')),
        state text not null check (state in ('open', 'done')),
        terminal_id text not null,
        code text not null,
        alert_id uuid not null references alerts (id) on delete cascade,
        alert_raised_at timestamptz not null,
        evidence text not null default '',
        created_at timestamptz not null,
        done_at timestamptz,
        done_by text,
        note text,
        unique (alert_id, alert_raised_at)
      )`,
      sql`create index remote_actions_state_idx on remote_actions (state, created_at desc)`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`drop table if exists remote_actions`,
      sql`drop table if exists support_steps`,
      sql`drop table if exists work_order_transitions`,
      sql`drop table if exists work_orders`,
    ]);
  },
});
