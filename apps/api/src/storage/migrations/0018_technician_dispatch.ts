import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * What dispatch knows of a technician (issue #13): `skills` `{"models": [...], "comms":
 * [...]}` (an empty list means any) and `home_base` `{"lat", "lon"}`, both null for none.
 * Same in both modes.
 */
export const migration0018TechnicianDispatch: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`alter table users add column skills jsonb`,
      sql`alter table users add column home_base jsonb`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`alter table users drop column if exists home_base`,
      sql`alter table users drop column if exists skills`,
    ]);
  },
});
