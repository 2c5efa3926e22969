import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../storage/database';

/** Rows of migration 0019_web_push. */
export interface PushSubscriptionsTable {
  id: Generated<string>;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string | null;
  created_at: Date;
  last_delivered_at: Date | null;
}

// A type alias, not an interface: Kysely's withTables wants an indexable record.
export type PushTables = { push_subscriptions: PushSubscriptionsTable };

export function pushDb(database: Database): Kysely<PushTables> {
  return database.db.withTables<PushTables>() as unknown as Kysely<PushTables>;
}
