import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/** The merchant's phone number, shown in the at-risk queue so agents can call at once. */
export const migration0006MerchantPhone: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [sql`alter table terminals add column merchant_phone text`]);
  },
  async down(db) {
    await runStatements(db, [sql`alter table terminals drop column if exists merchant_phone`]);
  },
});
