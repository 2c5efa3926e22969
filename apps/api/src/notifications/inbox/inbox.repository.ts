import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Selectable } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import { notificationsDb, type InboxItemsTable, type NotificationTables } from '../notification-tables';

export type InboxItemRow = Selectable<InboxItemsTable>;

export interface NewInboxItem {
  userId: string;
  /** The outbox row it came from: delivering that row again adds nothing. */
  notificationId: string;
  alertId: string | null;
  title: string;
  body: string;
}

/** Each user's in-app notices. Every query is bounded by the user: nobody reads another's items. */
@Injectable()
export class InboxRepository {
  private readonly db: Kysely<NotificationTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = notificationsDb(database);
  }

  async add(item: NewInboxItem, now: Date): Promise<void> {
    await this.db
      .insertInto('inbox_items')
      .values(inboxRow(item, now))
      .onConflict((oc) => oc.column('notification_id').doNothing())
      .execute();
  }

  /** Many items in one statement, within the caller's transaction (the outbox marking them sent). */
  async addMany(
    items: readonly NewInboxItem[],
    now: Date,
    db: Kysely<NotificationTables> = this.db,
  ): Promise<void> {
    if (items.length === 0) return;
    await db
      .insertInto('inbox_items')
      .values(items.map((item) => inboxRow(item, now)))
      .onConflict((oc) => oc.column('notification_id').doNothing())
      .execute();
  }

  /** Each user's unread count, in one query. */
  async unreadCounts(userIds: readonly string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('inbox_items')
      .select(['user_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('user_id', 'in', [...userIds])
      .where('read_at', 'is', null)
      .groupBy('user_id')
      .execute();
    const counted = new Map(rows.map((row) => [row.user_id, Number(row.n)]));
    return new Map(userIds.map((id) => [id, counted.get(id) ?? 0]));
  }

  list(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<InboxItemRow[]> {
    let query = this.db.selectFrom('inbox_items').selectAll().where('user_id', '=', userId);
    if (options.unreadOnly) query = query.where('read_at', 'is', null);
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('inbox_items')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks the user's own unread items among `ids`; others' ids are ignored. */
  async markRead(userId: string, ids: readonly string[] | 'all', now: Date): Promise<number> {
    let query = this.db
      .updateTable('inbox_items')
      .set({ read_at: now })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids !== 'all') query = query.where('id', 'in', [...ids]);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

function inboxRow(item: NewInboxItem, now: Date) {
  return {
    user_id: item.userId,
    notification_id: item.notificationId,
    alert_id: item.alertId,
    title: item.title,
    body: item.body,
    created_at: now,
    read_at: null,
  };
}
