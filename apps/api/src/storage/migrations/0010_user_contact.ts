import { sql } from 'kysely';
import { runStatements, type MigrationFactory } from './migration';

/**
 * How to reach a user and in which language (PROTOCOL.md §2 `email`, `phone`, `locale`),
 * for the notifications sent to them. Existing users get `zh-CN` and no contact details.
 */
export const migration0010UserContact: MigrationFactory = () => ({
  async up(db) {
    await runStatements(db, [
      sql`alter table users add column email text`,
      sql`alter table users add column phone text`,
      sql`alter table users add column locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en'))`,
    ]);
  },
  async down(db) {
    await runStatements(db, [
      sql`alter table users drop column if exists locale`,
      sql`alter table users drop column if exists phone`,
      sql`alter table users drop column if exists email`,
    ]);
  },
});
