import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationPreferences,
} from '@fleet/telemetry/api/notifications';
import { RecipientGrouper, type DueGroup } from './grouping/recipient-grouper';
import type { NotifiableAlert } from './messages/notifiable-alert';
import { renderAlertMessage } from './messages/render-alert-message';
import { quietHold } from './escalation/quiet-hours';
import type { NotificationChannelKind } from './notification-tables';
import {
  NOTIFICATION_CLOCK,
  NOTIFICATION_OPTIONS,
  type Clock,
  type NotificationOptions,
} from './notification-options';
import { OutboxRepository, type NewNotification } from './outbox.repository';
import { RecipientsRepository, type UserContact } from './recipients.repository';
import { NOTIFICATION_CHANNELS_TOKEN, type NotificationChannel } from './channels/notification-channel';
import { channelAllows } from './preferences/channel-allows';
import { PreferencesRepository } from './preferences/preferences.repository';

/** Who is told: a user (by the channels their contact details allow) or a webhook endpoint. */
export type AlertRecipient = { kind: 'user'; userId: string } | { kind: 'webhook'; url: string };

/**
 * The entry point for the alerts module: `notify(recipients, alert)` on every change.
 * Notices are grouped per recipient (group wait / group interval), then each group
 * becomes one message per channel in the outbox. Groups wait in memory: a restart
 * inside the group wait loses those notices; once in the outbox nothing is lost. A user's
 * quiet hours set the message's due time to their end, unless a notice is critical.
 */
@Injectable()
export class AlertNotifier {
  private readonly logger = new Logger('Notifications');
  private readonly grouper: RecipientGrouper<NotifiableAlert>;
  private readonly configured: ReadonlySet<NotificationChannelKind>;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly recipients: RecipientsRepository,
    private readonly preferences: PreferencesRepository,
    @Inject(NOTIFICATION_CHANNELS_TOKEN) channels: NotificationChannel[],
    @Inject(NOTIFICATION_CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATION_OPTIONS) options: NotificationOptions,
  ) {
    this.grouper = new RecipientGrouper(options.grouping);
    this.configured = new Set(channels.map((channel) => channel.kind));
  }

  notify(recipients: readonly AlertRecipient[], alert: NotifiableAlert): void {
    const now = this.clock.now();
    for (const recipient of recipients) this.grouper.add(recipientKey(recipient), alert, now);
  }

  /**
   * Straight into the outbox, one message per recipient and channel, not grouped: for the
   * escalation evaluator, whose notices come from the database. The key names the notice,
   * so calling again after a restart enqueues nothing new.
   */
  async notifyNow(recipients: readonly AlertRecipient[], alert: NotifiableAlert): Promise<number> {
    return this.enqueueGroups(
      recipients.map((recipient) => ({ key: recipientKey(recipient), items: [alert] })),
    );
  }

  /** Puts every group whose time has come into the outbox; the worker calls it each tick. */
  async flushDue(): Promise<number> {
    return this.enqueueGroups(this.grouper.takeDue(this.clock.now()));
  }

  private async enqueueGroups(
    due: ReadonlyArray<Pick<DueGroup<NotifiableAlert>, 'key' | 'items'>>,
  ): Promise<number> {
    if (due.length === 0) return 0;
    const userIds = due.filter((g) => g.key.startsWith('user:')).map((g) => g.key.slice('user:'.length));
    const users = await this.recipients.enabledContacts(userIds);
    const preferences = await this.preferences.ofMany(userIds);
    const byId = new Map(users.map((user) => [user.id, user]));
    const now = new Date(this.clock.now());
    const notifications = due.flatMap((group) => this.notificationsFor(group, byId, preferences, now));
    await this.outbox.enqueueMany(notifications, now);
    return notifications.length;
  }

  private notificationsFor(
    group: Pick<DueGroup<NotifiableAlert>, 'key' | 'items'>,
    users: Map<string, UserContact>,
    preferences: Map<string, NotificationPreferences>,
    now: Date,
  ): NewNotification[] {
    const alerts = uniqueNotices(group.items);
    const payload = { kind: 'alerts', alerts: alerts.map(alertPayload) };
    const noticeKey = digest(alerts.map(noticeId).sort().join('\n'));
    if (group.key.startsWith('webhook:')) {
      if (!this.configured.has('webhook')) return [];
      const message = renderAlertMessage(alerts, 'en');
      const url = group.key.slice('webhook:'.length);
      return [
        {
          recipientUserId: null,
          channel: 'webhook',
          address: url,
          idempotencyKey: `alerts:${digest(url)}:webhook:${noticeKey}`,
          subject: message.subject,
          bodyText: message.text,
          payload,
        },
      ];
    }
    const user = users.get(group.key.slice('user:'.length));
    if (!user) return [];
    const chosen = preferences.get(user.id) ?? DEFAULT_NOTIFICATION_PREFERENCES;
    // Quiet hours hold what would reach a phone or a mailbox; the inbox just waits to be read.
    const dueAt = heldUntil(user, alerts, now);
    const out = [
      ...this.addressed(user, chosen, alerts).map((notice) => ({ ...notice, dueAt })),
      ...(this.configured.has('in_app') ? inAppNotices(user, chosen, alerts) : []),
    ];
    if (out.length === 0)
      this.logger.warn(`user ${user.id} has no configured channel for ${alerts.length} alert notices`);
    return out;
  }

  /** One message per addressed channel (email, sms), listing the alerts the user's preference lets through. */
  private addressed(
    user: UserContact,
    chosen: NotificationPreferences,
    alerts: readonly NotifiableAlert[],
  ): NewNotification[] {
    const addresses: Array<['email' | 'sms', string | null]> = [
      ['email', user.email],
      ['sms', user.phone],
    ];
    return addresses.flatMap(([channel, address]) => {
      if (address === null || !this.configured.has(channel)) return [];
      const allowed = alerts.filter((alert) => channelAllows(chosen, channel, alert.severity));
      if (allowed.length === 0) return [];
      const message = renderAlertMessage(allowed, user.locale);
      return [
        {
          recipientUserId: user.id,
          channel,
          address,
          idempotencyKey: `alerts:${user.id}:${channel}:${digest(allowed.map(noticeId).sort().join('\n'))}`,
          subject: message.subject,
          bodyText: message.text,
          bodyHtml: channel === 'email' ? message.html : undefined,
          payload: { kind: 'alerts', alerts: allowed.map(alertPayload) },
        },
      ];
    });
  }
}

/** The inbox gets one item per alert notice (so each links to its alert), never grouped. */
function inAppNotices(
  user: UserContact,
  chosen: NotificationPreferences,
  alerts: readonly NotifiableAlert[],
): NewNotification[] {
  return alerts
    .filter((alert) => channelAllows(chosen, 'in_app', alert.severity))
    .map((alert) => {
      const message = renderAlertMessage([alert], user.locale);
      return {
        recipientUserId: user.id,
        channel: 'in_app',
        address: user.id,
        idempotencyKey: `alerts:${user.id}:in_app:${digest(noticeId(alert))}`,
        subject: message.subject,
        bodyText: message.text,
        payload: { kind: 'alerts', alertId: alert.id, alerts: [alertPayload(alert)] },
      };
    });
}

/** The end of the user's quiet hours, when they hold these notices; a critical one overrides them. */
function heldUntil(user: UserContact, alerts: readonly NotifiableAlert[], now: Date): Date | undefined {
  const until = quietHold(
    user.quietHours,
    alerts.map((alert) => alert.severity),
    now.getTime(),
  );
  return until === undefined ? undefined : new Date(until);
}

function recipientKey(recipient: AlertRecipient): string {
  return recipient.kind === 'user' ? `user:${recipient.userId}` : `webhook:${recipient.url}`;
}

/** One notice per alert change: the same change told twice within a group is listed once. */
function uniqueNotices(alerts: readonly NotifiableAlert[]): NotifiableAlert[] {
  return [...new Map(alerts.map((alert) => [noticeId(alert), alert])).values()];
}

function noticeId(alert: NotifiableAlert): string {
  return `${alert.id}:${alert.change}:${alert.changedAt.toISOString()}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function alertPayload(alert: NotifiableAlert): Record<string, unknown> {
  return {
    id: alert.id,
    change: alert.change,
    changedAt: alert.changedAt.toISOString(),
    code: alert.code,
    severity: alert.severity,
    state: alert.state,
    terminalId: alert.terminalId ?? null,
    incidentId: alert.incidentId ?? null,
    evidence: alert.evidence,
    recommendedAction: alert.recommendedAction,
    openedAt: alert.openedAt.toISOString(),
    actor: alert.actor ?? null,
  };
}
