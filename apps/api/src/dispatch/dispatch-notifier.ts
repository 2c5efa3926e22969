import { Inject, Injectable } from '@nestjs/common';
import type { PushMessage } from '@fleet/telemetry/api/push';
import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import {
  NOTIFICATION_CHANNELS_TOKEN,
  type NotificationChannel,
} from '../notifications/channels/notification-channel';
import { quietUntil } from '../notifications/escalation/quiet-hours';
import type { NotificationChannelKind } from '../notifications/notification-tables';
import { OutboxRepository, type NewNotification } from '../notifications/outbox.repository';
import { RecipientsRepository, type UserContact } from '../notifications/recipients.repository';
import { renderDispatchMessage, type DispatchNoticeKind } from './dispatch-messages';

/**
 * Which channels carry a dispatch notice: the inbox always, and a technician's phone by web
 * push (which falls back to SMS when the user has no subscription or the push fails);
 * support by e-mail.
 */
export function dispatchChannels(kind: DispatchNoticeKind): Array<'push' | 'email'> {
  return kind === 'assigned' || kind === 'withdrawn' ? ['push'] : ['email'];
}

/**
 * Puts dispatch notices in the notifications outbox, one per recipient and channel, each
 * keyed by the order, the notice and its moment so a repeat enqueues nothing. Quiet hours
 * hold SMS and e-mail (not an urgent order's), never the inbox.
 */
@Injectable()
export class DispatchNotifier {
  private readonly configured: ReadonlySet<NotificationChannelKind>;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly recipients: RecipientsRepository,
    @Inject(NOTIFICATION_CHANNELS_TOKEN) channels: NotificationChannel[],
  ) {
    this.configured = new Set(channels.map((channel) => channel.kind));
  }

  async notify(
    userIds: readonly string[],
    kind: DispatchNoticeKind,
    order: WorkOrderView,
    at: Date,
  ): Promise<number> {
    const users = await this.recipients.enabledContacts(userIds);
    let enqueued = 0;
    for (const user of users) {
      for (const notice of this.noticesFor(user, kind, order, at)) {
        if ((await this.outbox.enqueue(notice, at)).created) enqueued += 1;
      }
    }
    return enqueued;
  }

  private noticesFor(
    user: UserContact,
    kind: DispatchNoticeKind,
    order: WorkOrderView,
    at: Date,
  ): NewNotification[] {
    const message = renderDispatchMessage(kind, order, user.locale);
    const key = `dispatch:${order.id}:${kind}:${at.toISOString()}:${user.id}`;
    const payload = {
      kind: 'work_order',
      notice: kind,
      workOrderId: order.id,
      alertId: order.alertId ?? null,
    };
    const held =
      user.quietHours && order.priority !== 'urgent' ? quietUntil(user.quietHours, at.getTime()) : undefined;
    const inbox: NewNotification = {
      recipientUserId: user.id,
      channel: 'in_app',
      address: user.id,
      idempotencyKey: `${key}:in_app`,
      subject: message.subject,
      bodyText: message.text,
      payload,
    };
    const addressed = dispatchChannels(kind).flatMap((wanted): NewNotification[] => {
      // A process without the push channel (a test's) reaches the phone by SMS directly.
      const channel = wanted === 'push' && !this.configured.has('push') ? 'sms' : wanted;
      const address = channel === 'push' ? user.id : channel === 'sms' ? user.phone : user.email;
      if (address === null || !this.configured.has(channel)) return [];
      return [
        {
          recipientUserId: user.id,
          channel,
          address,
          idempotencyKey: `${key}:${channel}`,
          subject: message.subject,
          bodyText: message.text,
          payload:
            channel === 'push'
              ? { ...payload, ...pushFields(order, message.subject, message.text) }
              : payload,
          ...(held === undefined ? {} : { dueAt: new Date(held) }),
        },
      ];
    });
    return [...(this.configured.has('in_app') ? [inbox] : []), ...addressed];
  }
}

/** What the phone's service worker shows and opens (libs/telemetry `pushMessageSchema`). */
function pushFields(order: WorkOrderView, title: string, body: string): PushMessage {
  return {
    title,
    body,
    url: `/#/tech/jobs/${encodeURIComponent(order.id)}`,
    tag: `work-order:${order.id}`,
    workOrderId: order.id,
  };
}
