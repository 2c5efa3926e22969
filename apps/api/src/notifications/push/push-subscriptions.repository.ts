import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Selectable } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import { pushDb, type PushSubscriptionsTable, type PushTables } from './push-tables';

export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>;

export interface NewPushSubscription {
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string | null;
}

/** The browsers each user subscribed; one row per push endpoint. */
@Injectable()
export class PushSubscriptionsRepository {
  private readonly db: Kysely<PushTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = pushDb(database);
  }

  /**
   * Keeps the subscription under its endpoint: a browser subscribing again refreshes its
   * keys, and a phone handed to another user now notifies that user only.
   */
  async save(subscription: NewPushSubscription, now: Date): Promise<PushSubscriptionRow> {
    return this.db
      .insertInto('push_subscriptions')
      .values({
        user_id: subscription.userId,
        endpoint: subscription.endpoint,
        p256dh: subscription.p256dh,
        auth: subscription.auth,
        user_agent: subscription.userAgent,
        created_at: now,
        last_delivered_at: null,
      })
      .onConflict((oc) =>
        oc.column('endpoint').doUpdateSet({
          user_id: subscription.userId,
          p256dh: subscription.p256dh,
          auth: subscription.auth,
          user_agent: subscription.userAgent,
          created_at: now,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  ofUser(userId: string): Promise<PushSubscriptionRow[]> {
    return this.db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  }

  /** The user's own subscription at that endpoint; false when there was none. */
  async removeOwn(userId: string, endpoint: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('push_subscriptions')
      .where('user_id', '=', userId)
      .where('endpoint', '=', endpoint)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** A subscription the push service called gone (404/410). */
  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
  }

  async markDelivered(id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('push_subscriptions')
      .set({ last_delivered_at: now })
      .where('id', '=', id)
      .execute();
  }
}
