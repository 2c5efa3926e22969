import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * Field dispatch (issue #13): the shop's street address, an optional field of the terminal
 * import that the technician's phone shows, and when an order's SLA turning `at_risk` was
 * announced, so the dispatch board hears of it once, when it happens.
 */
export const migration0024AddressAndSlaWarning: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`alter table terminals add column address text`,
      sql`alter table work_orders add column sla_at_risk_announced_at timestamptz`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`alter table work_orders drop column if exists sla_at_risk_announced_at`,
      sql`alter table terminals drop column if exists address`,
    ]);
  },
});
