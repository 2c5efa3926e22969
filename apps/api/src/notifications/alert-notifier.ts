import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationPreferences,
  type UserNotificationChannel,
} from '@fleet/telemetry/api/notifications';
import {
  GroupingRepository,
  sealedGroupId,
  type GroupNotice,
  type SealedGroupName,
  type GroupTiming,
} from './grouping/grouping.repository';
import { noticeFromStored, storedNotice } from './grouping/stored-notice';
import type { NotifiableAlert } from './messages/notifiable-alert';
import { renderAlertMessage, type RenderedMessage } from './messages/render-alert-message';
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

/**
 * Who is told: a user (by the channels their contact details allow, narrowed to `channels`
 * when a routing rule says which it may use) or a webhook endpoint.
 */
export type AlertRecipient =
  | { kind: 'user'; userId: string; channels?: readonly UserNotificationChannel[] }
  | { kind: 'webhook'; url: string };

/** A notice waiting for its recipient, with the channels its route allows (undefined: all). */
type RoutedNotice = NotifiableAlert & { channels?: readonly UserNotificationChannel[] };

/** A group's notices and whom they are for: a webhook URL, or a user with their preferences. */
type GroupTarget =
  | { kind: 'webhook'; alerts: RoutedNotice[]; url: string }
  | { kind: 'user'; alerts: RoutedNotice[]; user: UserContact; chosen: NotificationPreferences };

/** Notices for one recipient key (`user:<id>` or `webhook:<url>`) that become one message per channel. */
interface NoticeGroup {
  key: string;
  items: RoutedNotice[];
}

/**
 * The entry point for the alerts module: `notify(recipients, alert)` on every change.
 * Notices are grouped per recipient (group wait / group interval) in the database, then
 * each group becomes one message per channel in the outbox: a restart inside the group
 * wait loses nothing and sends each group once. A user's quiet hours set the message's due
 * time to their end, unless a notice is critical.
 */
@Injectable()
export class AlertNotifier {
  private readonly logger = new Logger('Notifications');
  private readonly timing: GroupTiming;
  private readonly configured: ReadonlySet<NotificationChannelKind>;
  private readonly dueListeners: Array<(at: Date) => void> = [];
  /** Sealed groups (by sealedGroupId) whose inbox notices are being written; the next flush skips them. */
  private readonly inboxPending = new Map<string, SealedGroupName>();
  private inboxWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly recipients: RecipientsRepository,
    private readonly preferences: PreferencesRepository,
    private readonly groups: GroupingRepository,
    @Inject(NOTIFICATION_CHANNELS_TOKEN) channels: NotificationChannel[],
    @Inject(NOTIFICATION_CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATION_OPTIONS) options: NotificationOptions,
  ) {
    this.timing = options.grouping;
    this.configured = new Set(channels.map((channel) => channel.kind));
  }

  /**
   * Adds the notice to each recipient's open group; it is in the database when this resolves.
   * `releasing`: the notice is an opening a silence held back, let go with it (WithheldNoticeRelease).
   */
  async notify(
    recipients: readonly AlertRecipient[],
    alert: NotifiableAlert,
    releasing?: string,
  ): Promise<void> {
    this.groupsDue(
      await this.groups.add(
        recipients.map(recipientKey),
        groupNotice(recipients, alert),
        new Date(this.clock.now()),
        this.timing,
        releasing,
      ),
    );
  }

  /** Many notices at once, in one transaction (AlertRouting's batch: a wave of new alerts). */
  async notifyMany(
    notices: ReadonlyArray<{ recipients: readonly AlertRecipient[]; alert: NotifiableAlert }>,
  ): Promise<void> {
    const entries = notices.map(({ recipients, alert }) => ({
      keys: recipients.map(recipientKey),
      notice: groupNotice(recipients, alert),
    }));
    this.groupsDue(await this.groups.addMany(entries, new Date(this.clock.now()), this.timing));
  }

  /** Tells `listener` when a group just added to falls due (the worker flushes it then, not at its next tick). */
  onGroupDue(listener: (at: Date) => void): void {
    this.dueListeners.push(listener);
  }

  private groupsDue(at: Date | undefined): void {
    if (at !== undefined) for (const listener of this.dueListeners) listener(at);
  }

  /**
   * Straight into the outbox, one message per recipient and channel, not grouped: for the
   * escalation evaluator, whose notices come from the database. The key names the notice,
   * so calling again after a restart enqueues nothing new.
   */
  async notifyNow(recipients: readonly AlertRecipient[], alert: NotifiableAlert): Promise<number> {
    return this.enqueueGroups(
      recipients.map((recipient) => ({ key: recipientKey(recipient), items: [routed(recipient, alert)] })),
    );
  }

  /**
   * Puts every group whose time has come into the outbox, then lets their items go; the
   * worker calls it each tick, and `messagesQueued` once the groups' messages (not yet
   * their inbox notices) are in. A group sealed by a process that died before letting it
   * go is taken again: the same items make the same keys, so the outbox holds it once.
   * `inboxLater`: resolves once the messages are in, and writes the inbox notices (then lets
   * the groups go) behind it, one flush after another (`idle` waits for them), so a group
   * due a moment later is sealed and mailed without waiting for a storm's 26,000 inbox rows.
   */
  async flushDue(messagesQueued?: () => void, inboxLater = false): Promise<number> {
    const due = await this.groups.takeDue(
      new Date(this.clock.now()),
      this.timing,
      this.inboxPending.values(),
    );
    // All at once: group by group, a storm's 250 groups took seconds of round trips.
    const { messages, writeInbox } = await this.enqueueMessages(
      due.map((group) => ({ key: group.key, items: group.items.map(noticeFromStored) })),
    );
    messagesQueued?.();
    const finish = async () => {
      const inbox = await writeInbox();
      await this.groups.releaseMany(due);
      return inbox;
    };
    if (!inboxLater || due.length === 0) return messages + (await finish());
    const ids = due.map(sealedGroupId);
    for (const group of due) this.inboxPending.set(sealedGroupId(group), group);
    this.inboxWrites = this.inboxWrites
      .then(finish)
      // Unreleased, the groups are taken again by the next flush (their rows are idempotent).
      .catch((error: unknown) => this.logger.error(`inbox notices failed: ${(error as Error).message}`))
      .finally(() => ids.forEach((id) => this.inboxPending.delete(id)))
      .then(() => undefined);
    return messages;
  }

  /** Waits for the inbox notices flushDue left to write. */
  idle(): Promise<void> {
    return this.inboxWrites;
  }

  private enqueueGroups(due: readonly NoticeGroup[]): Promise<number> {
    return this.enqueueMessages(due).then(
      async ({ messages, writeInbox }) => messages + (await writeInbox()),
    );
  }

  /**
   * The messages (mail, SMS, webhook) now, the inbox's notices when `writeInbox` is called: a
   * storm's 26,000 of those took seconds to write, and the mails waited for them.
   */
  private async enqueueMessages(
    due: readonly NoticeGroup[],
  ): Promise<{ messages: number; writeInbox: () => Promise<number> }> {
    if (due.length === 0) return { messages: 0, writeInbox: () => Promise.resolve(0) };
    const userIds = due.filter((g) => g.key.startsWith('user:')).map((g) => g.key.slice('user:'.length));
    const users = await this.recipients.enabledContacts(userIds);
    const preferences = await this.preferences.ofMany(userIds);
    const byId = new Map(users.map((user) => [user.id, user]));
    const now = new Date(this.clock.now());
    const targets = due.flatMap((group) => this.targetOf(group, byId, preferences));
    // A storm's ten support agents get the same 2,000 alerts: each list is rendered once per locale.
    const rendered: RenderedMessages = new Map();
    const messages = targets.flatMap((target) => this.messagesFor(target, now, rendered));
    await this.outbox.enqueueMany(messages, now);
    const writeInbox = async () => {
      const inbox = this.configured.has('in_app')
        ? targets.flatMap((target) =>
            target.kind === 'user' ? inAppNotices(target.user, target.chosen, target.alerts, rendered) : [],
          )
        : [];
      await this.outbox.enqueueMany(inbox, now);
      const told = new Set([...messages, ...inbox].map((n) => n.recipientUserId));
      for (const target of targets)
        if (target.kind === 'user' && !told.has(target.user.id))
          this.logger.warn(
            `user ${target.user.id} has no configured channel for ${target.alerts.length} alert notices`,
          );
      return inbox.length;
    };
    return { messages: messages.length, writeInbox };
  }

  /** Whom a group is for: a webhook URL or an enabled user, with their preferences; nobody for an unknown user. */
  private targetOf(
    group: NoticeGroup,
    users: Map<string, UserContact>,
    preferences: Map<string, NotificationPreferences>,
  ): GroupTarget[] {
    const alerts = uniqueNotices(group.items);
    if (group.key.startsWith('webhook:'))
      return [{ kind: 'webhook', alerts, url: group.key.slice('webhook:'.length) }];
    const user = users.get(group.key.slice('user:'.length));
    if (!user) return [];
    return [
      { kind: 'user', alerts, user, chosen: preferences.get(user.id) ?? DEFAULT_NOTIFICATION_PREFERENCES },
    ];
  }

  private messagesFor(target: GroupTarget, now: Date, rendered: RenderedMessages): NewNotification[] {
    const { alerts } = target;
    if (target.kind === 'user') {
      // Quiet hours hold what would reach a phone or a mailbox; the inbox just waits to be read.
      const dueAt = heldUntil(target.user, alerts, now);
      return this.addressed(target.user, target.chosen, alerts, rendered).map((notice) => ({
        ...notice,
        dueAt,
      }));
    }
    if (!this.configured.has('webhook')) return [];
    const message = renderAlertMessage(alerts, 'en');
    return [
      {
        recipientUserId: null,
        channel: 'webhook',
        address: target.url,
        idempotencyKey: `alerts:${digest(target.url)}:webhook:${digest(alerts.map(noticeId).sort().join('\n'))}`,
        subject: message.subject,
        bodyText: message.text,
        payload: { kind: 'alerts', alerts: alerts.map(alertPayload) },
      },
    ];
  }

  /** One message per addressed channel (email, sms), listing the alerts the user's preference lets through. */
  private addressed(
    user: UserContact,
    chosen: NotificationPreferences,
    alerts: readonly RoutedNotice[],
    rendered: RenderedMessages,
  ): NewNotification[] {
    const addresses: Array<['email' | 'sms', string | null]> = [
      ['email', user.email],
      ['sms', user.phone],
    ];
    return addresses.flatMap(([channel, address]) => {
      if (address === null || !this.configured.has(channel)) return [];
      const allowed = alerts.filter((alert) => carries(alert, chosen, channel)).map(withoutRoute);
      if (allowed.length === 0) return [];
      const message = renderOnce(rendered, allowed, user.locale);
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

/**
 * The inbox gets one item per alert notice (so each links to its alert), never grouped;
 * a storm's notices are the same for many, so each is rendered once per locale.
 */
function inAppNotices(
  user: UserContact,
  chosen: NotificationPreferences,
  alerts: readonly RoutedNotice[],
  rendered: RenderedMessages,
): NewNotification[] {
  return alerts
    .filter((alert) => carries(alert, chosen, 'in_app'))
    .map(withoutRoute)
    .map((alert) => {
      const message = renderOnce(rendered, [alert], user.locale);
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

/** The notice as its groups store it, with its own copy for each recipient a routing rule narrows. */
function groupNotice(recipients: readonly AlertRecipient[], alert: NotifiableAlert): GroupNotice {
  const routedBodies = recipients
    .filter((recipient) => recipient.kind === 'user' && recipient.channels)
    .map((recipient) => [recipientKey(recipient), storedNotice(routed(recipient, alert))] as const);
  return { id: noticeId(alert), body: storedNotice(alert), bodyByKey: new Map(routedBodies) };
}

function recipientKey(recipient: AlertRecipient): string {
  return recipient.kind === 'user' ? `user:${recipient.userId}` : `webhook:${recipient.url}`;
}

function routed(recipient: AlertRecipient, alert: NotifiableAlert): RoutedNotice {
  return recipient.kind === 'user' && recipient.channels ? { ...alert, channels: recipient.channels } : alert;
}

/** The route allows the channel and the user's preference lets the alert through on it. */
function carries(
  alert: RoutedNotice,
  chosen: NotificationPreferences,
  channel: UserNotificationChannel,
): boolean {
  return (alert.channels?.includes(channel) ?? true) && channelAllows(chosen, channel, alert.severity);
}

function withoutRoute({ channels: _route, ...alert }: RoutedNotice): NotifiableAlert {
  return alert;
}

/**
 * One notice per alert change: the same change told twice within a group is listed once,
 * on every channel either telling allowed.
 */
function uniqueNotices(alerts: readonly RoutedNotice[]): RoutedNotice[] {
  const unique = new Map<string, RoutedNotice>();
  for (const alert of alerts) {
    const seen = unique.get(noticeId(alert));
    const channels =
      seen === undefined
        ? alert.channels
        : seen.channels && alert.channels && [...new Set([...seen.channels, ...alert.channels])];
    unique.set(noticeId(alert), channels === undefined ? withoutRoute(alert) : { ...alert, channels });
  }
  return [...unique.values()];
}

/** Messages rendered in one flush, by locale and notices: the same notices read the same. */
type RenderedMessages = Map<string, RenderedMessage>;

function renderOnce(
  rendered: RenderedMessages,
  alerts: readonly NotifiableAlert[],
  locale: UserContact['locale'],
): RenderedMessage {
  const key = `${locale}|${alerts.map(noticeId).join('\n')}`;
  let message = rendered.get(key);
  if (message === undefined) rendered.set(key, (message = renderAlertMessage(alerts, locale)));
  return message;
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
