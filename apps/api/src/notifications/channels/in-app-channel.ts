import type { Clock } from '../notification-options';
import type { InboxEvents } from '../inbox/inbox-events';
import type { InboxRepository, NewInboxItem } from '../inbox/inbox.repository';
import type { ClaimedNotification, OutboxRepository } from '../outbox.repository';
import { DeliveryError, type NotificationChannel } from './notification-channel';

/**
 * The dashboard's inbox: delivering is writing the item (once per outbox row) and telling
 * the user's sockets their new unread count. The address is the user's id.
 */
export class InAppChannel implements NotificationChannel {
  readonly kind = 'in_app' as const;

  constructor(
    private readonly inbox: InboxRepository,
    private readonly events: InboxEvents,
    private readonly clock: Clock,
    /** For sendMany: the inbox items are written in the transaction that marks their rows sent. */
    private readonly outbox: OutboxRepository,
  ) {}

  async send(notification: ClaimedNotification): Promise<void> {
    const item = inboxItem(notification);
    await this.inbox.add(item, new Date(this.clock.now()));
    this.events.emit(item.userId, await this.inbox.unreadCount(item.userId));
  }

  /**
   * A storm's inbox notices (26,000 for 100,000 terminals) a batch at a time: one transaction
   * writes the items and marks their rows sent, then each user's count is told once. One
   * at a time, each took a few round trips and an unread count, for minutes, and the
   * process's mails and claims queued behind them.
   */
  async sendMany(notifications: readonly ClaimedNotification[], now: Date): Promise<void> {
    const items = notifications.map(inboxItem);
    const byId = new Map(items.map((item) => [item.notificationId, item]));
    await this.outbox.sendWithin(notifications, now, (trx, ours) =>
      this.inbox.addMany(
        ours.map((row) => byId.get(row.id)!),
        now,
        trx,
      ),
    );
    const counts = await this.inbox.unreadCounts([...new Set(items.map((item) => item.userId))]);
    for (const [userId, count] of counts) this.events.emit(userId, count);
  }
}

function inboxItem(notification: ClaimedNotification): NewInboxItem {
  const userId = notification.recipient_user_id;
  if (!userId) throw new DeliveryError('in_app: no recipient user', true);
  const alertId = notification.payload['alertId'];
  return {
    userId,
    notificationId: notification.id,
    alertId: typeof alertId === 'string' ? alertId : null,
    title: notification.subject,
    body: notification.body_text,
  };
}
