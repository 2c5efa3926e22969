import { Logger } from '@nestjs/common';
import { pushMessageSchema, type PushMessage } from '@fleet/telemetry/api/push';
import type { Clock } from '../notification-options';
import type { ClaimedNotification, OutboxRepository } from '../outbox.repository';
import type { RecipientsRepository } from '../recipients.repository';
import { DeliveryError, type NotificationChannel } from '../channels/notification-channel';
import type { PushSubscriptionsRepository } from './push-subscriptions.repository';
import { sendWebPush } from './send-web-push';
import type { VapidKeys } from './vapid-keys';

export interface PushChannelDeps {
  subscriptions: PushSubscriptionsRepository;
  outbox: OutboxRepository;
  recipients: RecipientsRepository;
  vapid: VapidKeys;
  clock: Clock;
  /** Whether an SMS gateway is configured to fall back on. */
  smsFallback: boolean;
  timeoutMs?: number;
}

/**
 * Web push to every browser the user subscribed; delivered when at least one push service took it.
 * Subscriptions the service calls gone (404/410) are dropped. When none is left or none
 * took it, the same text goes to the user's phone as an SMS: a row of its own in the outbox
 * (its own retries, keyed after this one so a re-sent push falls back once), and this row
 * ends `failed` saying so. With no SMS to fall back on, a push that failed for now is retried.
 */
export class PushChannel implements NotificationChannel {
  readonly kind = 'push' as const;
  private readonly logger = new Logger('Notifications');

  constructor(private readonly deps: PushChannelDeps) {}

  async send(notification: ClaimedNotification): Promise<void> {
    const userId = notification.recipient_user_id;
    if (!userId) throw new DeliveryError('push: no recipient user', true);
    const payload = JSON.stringify(messageOf(notification));
    const subscriptions = await this.deps.subscriptions.ofUser(userId);
    const failures: string[] = [];
    let delivered = 0;
    for (const subscription of subscriptions) {
      const outcome = await sendWebPush(
        subscription,
        payload,
        this.deps.vapid,
        this.deps.timeoutMs ?? 10_000,
      );
      if (outcome.kind === 'delivered') {
        delivered += 1;
        await this.deps.subscriptions.markDelivered(subscription.id, this.now());
      } else if (outcome.kind === 'gone') {
        this.logger.log(`push subscription ${subscription.id} is gone; removed`);
        await this.deps.subscriptions.remove(subscription.id);
      } else failures.push(outcome.reason);
    }
    if (delivered > 0) return;
    const why = failures.length > 0 ? failures.join('; ') : 'no push subscription';
    await this.fallBackToSms(notification, userId, why, failures.length > 0);
  }

  private async fallBackToSms(
    notification: ClaimedNotification,
    userId: string,
    why: string,
    retryable: boolean,
  ): Promise<never> {
    const [contact] = await this.deps.recipients.enabledContacts([userId]);
    if (!this.deps.smsFallback || !contact?.phone) {
      const missing = this.deps.smsFallback ? 'the user has no phone' : 'no SMS gateway';
      throw new DeliveryError(`push: ${why}; no SMS fallback (${missing})`, !retryable);
    }
    const { id } = await this.deps.outbox.enqueue(
      {
        recipientUserId: userId,
        channel: 'sms',
        address: contact.phone,
        idempotencyKey: `${notification.idempotency_key}:sms-fallback`,
        subject: notification.subject,
        bodyText: notification.body_text,
        payload: notification.payload,
      },
      this.now(),
    );
    throw new DeliveryError(`push: ${why}; sent as SMS instead (notification ${id})`, true);
  }

  private now(): Date {
    return new Date(this.deps.clock.now());
  }
}

/** The service worker's payload: the row's own message fields, else its subject and text. */
function messageOf(notification: ClaimedNotification): PushMessage {
  const parsed = pushMessageSchema.partial().safeParse(notification.payload);
  const extra = parsed.success ? parsed.data : {};
  return { ...extra, title: extra.title ?? notification.subject, body: extra.body ?? notification.body_text };
}
