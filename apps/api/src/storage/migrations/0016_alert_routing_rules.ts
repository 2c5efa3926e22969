import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

const ANY = `{"codes":[],"minSeverity":"warning","regions":[],"merchantIds":[],"mccMncs":[]}`;
const PEOPLE_CHANNELS = `["email","sms","in_app"]`;
const targetsOf = (role: string) => `{"roles":["${role}"],"userIds":[],"webhookUrls":[]}`;

/**
 * Alert routing rules (issue #12), match and targets as JSON the API validated. The three
 * shipped rules are the routing that was fixed in code before: support for the whole
 * fleet, technicians for their regions, account managers for their merchants (each
 * person's own scope does the narrowing), every channel, so an existing install tells the
 * same people. Same in both modes.
 */
export const migration0016AlertRoutingRules: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`create table alert_routing_rules (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        enabled boolean not null,
        position integer not null,
        match jsonb not null,
        targets jsonb not null,
        channels jsonb not null,
        stop_after_match boolean not null,
        built_in boolean not null default false,
        created_by text not null,
        created_at timestamptz not null,
        updated_by text not null,
        updated_at timestamptz not null
      )`,
      sql`create index alert_routing_rules_order_idx on alert_routing_rules (position, name)`,
      sql`insert into alert_routing_rules
        (name, enabled, position, match, targets, channels, stop_after_match, built_in,
         created_by, created_at, updated_by, updated_at)
        values
        ('Support: the whole fleet', true, 10, ${ANY}::jsonb, ${targetsOf('support')}::jsonb,
         ${PEOPLE_CHANNELS}::jsonb, false, true, 'system', now(), 'system', now()),
        ('Technicians: their regions', true, 20, ${ANY}::jsonb, ${targetsOf('technician')}::jsonb,
         ${PEOPLE_CHANNELS}::jsonb, false, true, 'system', now(), 'system', now()),
        ('Account managers: their merchants', true, 30, ${ANY}::jsonb, ${targetsOf('account_manager')}::jsonb,
         ${PEOPLE_CHANNELS}::jsonb, false, true, 'system', now(), 'system', now())`,
    ]);
  },
  async down(db) {
    await runStatements(db, [sql`drop table if exists alert_routing_rules`]);
  },
});
