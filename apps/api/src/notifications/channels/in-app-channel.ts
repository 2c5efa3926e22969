import type { Clock } from '../notification-options';
import type { InboxEvents } from '../inbox/inbox-events';
import type { InboxRepository } from '../inbox/inbox.repository';
import type { ClaimedNotification } from '../outbox.repository';
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
  ) {}

  async send(notification: ClaimedNotification): Promise<void> {
    const userId = notification.recipient_user_id;
    if (!userId) throw new DeliveryError('in_app: no recipient user', true);
    const alertId = notification.payload['alertId'];
    await this.inbox.add(
      {
        userId,
        notificationId: notification.id,
        alertId: typeof alertId === 'string' ? alertId : null,
        title: notification.subject,
        body: notification.body_text,
      },
      new Date(this.clock.now()),
    );
    this.events.emit(userId, await this.inbox.unreadCount(userId));
  }
}
