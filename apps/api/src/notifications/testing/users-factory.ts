import { authDb } from '../../auth/auth-tables';
import type { Database } from '../../storage/database';

let counter = 0;

/** Inserts a support user with the given contact details; returns its id. */
export async function insertUser(
  database: Database,
  contact: { email?: string | null; phone?: string | null; locale?: 'zh-CN' | 'en'; disabled?: boolean },
): Promise<string> {
  counter += 1;
  const row = await authDb(database)
    .insertInto('users')
    .values({
      username: `notify-user-${Date.now().toString(36)}-${counter}`,
      password_hash: 'not-a-hash',
      role: 'support',
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      locale: contact.locale ?? 'zh-CN',
      disabled: contact.disabled ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
