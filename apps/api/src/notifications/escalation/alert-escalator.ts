import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import { AlertsService } from '../../alerts/alerts.service';
import { AuditService } from '../../audit/audit.service';
import { RISK_OPTIONS, type RiskOptions } from '../../risk/risk-options';
import type { AlertRecipient } from '../alert-notifier';
import { AlertNotifier } from '../alert-notifier';
import { toNotifiable } from '../alert-routing';
import { RecipientsRepository } from '../recipients.repository';
import { AlertRecipients } from '../routing/alert-recipients';
import {
  ESCALATION_POLICY,
  dueActions,
  type EscalationAction,
  type EscalationPolicy,
} from './escalation-policy';
import { EscalationRepository } from './escalation.repository';

const ALL = { kind: 'all' } as const;

/**
 * Finds the reminders and escalation steps due on open alerts and sends each through
 * AlertNotifier, on the alerts' clock. All it knows comes from the database (the alerts,
 * their escalation progress), so a restart resumes where it was; each notice is named by
 * its alert, step and due time, so the outbox's key drops a notice enqueued twice.
 */
@Injectable()
export class AlertEscalator {
  private readonly logger = new Logger('AlertEscalation');
  private lastRun: number | undefined;

  constructor(
    private readonly alerts: AlertsService,
    private readonly progress: EscalationRepository,
    private readonly recipients: RecipientsRepository,
    private readonly concerned: AlertRecipients,
    private readonly notifier: AlertNotifier,
    private readonly audit: AuditService,
    @Inject(RISK_OPTIONS) private readonly clock: Pick<RiskOptions, 'now'>,
    @Inject(ESCALATION_POLICY) private readonly policy: EscalationPolicy,
  ) {}

  /** For the worker's tick: at most every `evaluateEveryMs`; failures are logged, never thrown. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    if (this.lastRun !== undefined && now - this.lastRun < this.policy.evaluateEveryMs) return;
    this.lastRun = now;
    try {
      await this.evaluate();
    } catch (error) {
      this.logger.error(`escalation pass failed: ${(error as Error).message}`);
    }
  }

  /** One pass over the open alerts; returns the steps taken. */
  async evaluate(): Promise<number> {
    const now = this.clock.now();
    const { items } = await this.alerts.list(ALL, { state: 'open', limit: this.policy.maxOpenAlerts });
    const open = items.filter((alert) => alert.silenced !== true);
    const progress = await this.progress.progressOf(
      open.map((alert) => ({ id: alert.id, raisedAt: Date.parse(alert.lastRaisedAt) })),
    );
    let steps = 0;
    for (const alert of open) {
      const rule = this.policy.bySeverity[alert.severity];
      const state = progress.get(alert.id) ?? { remindersSent: 0, level: 1 };
      // Counted from the start of this open period: a reopened alert starts afresh.
      const since = Date.parse(alert.lastRaisedAt);
      const actions = dueActions({ ...alert, openSince: since }, state, now, rule);
      let level = state.level;
      for (const action of actions) {
        if (action.kind === 'escalation') level = action.level;
        if (await this.take(alert, action, level)) steps += 1;
      }
    }
    return steps;
  }

  private async take(alert: AlertView, action: EscalationAction, level: number): Promise<boolean> {
    const notice = toNotifiable({ kind: 'opened', alert });
    if (!notice) return false;
    // A reminder goes to every level reached so far; an escalation to its new level.
    const recipients =
      action.kind === 'reminder' ? await this.upTo(alert, level) : await this.levelOf(alert, action.level);
    await this.notifier.notifyNow(recipients, {
      ...notice,
      change: action.kind === 'reminder' ? 'reminder' : 'escalated',
      changedAt: new Date(action.dueAt),
    });
    const detail =
      action.kind === 'reminder'
        ? { reminder: action.number, recipients: recipients.length }
        : { level: action.level, recipients: recipients.length };
    const recorded = await this.progress.record(
      alert.id,
      new Date(alert.lastRaisedAt),
      action,
      detail,
      new Date(action.dueAt),
    );
    if (recorded)
      await this.audit.record(
        'system',
        action.kind === 'reminder' ? 'alert.reminded' : 'alert.escalated',
        `alert:${alert.id}`,
        detail,
      );
    return recorded;
  }

  private async upTo(alert: AlertView, level: number): Promise<AlertRecipient[]> {
    const all: AlertRecipient[] = [];
    for (let l = 1; l <= level; l += 1) all.push(...(await this.levelOf(alert, l)));
    // Once each; a user a higher level reaches on every channel keeps every channel.
    const unique = new Map<string, AlertRecipient>();
    for (const recipient of all) {
      const key = recipient.kind === 'user' ? `user:${recipient.userId}` : `webhook:${recipient.url}`;
      const seen = unique.get(key);
      if (seen === undefined || (recipient.kind === 'user' && recipient.channels === undefined))
        unique.set(key, recipient);
    }
    return [...unique.values()];
  }

  /** Level 1: whom the routing rules name; 2: support and admins; 3: the configured targets. */
  private async levelOf(alert: AlertView, level: number): Promise<AlertRecipient[]> {
    const users = (ids: string[]): AlertRecipient[] => ids.map((userId) => ({ kind: 'user', userId }));
    if (level <= 1) return this.concerned.of(alert);
    if (level === 2) return users(await this.recipients.withRoles(['support', 'admin']));
    const { level3Username, level3WebhookUrl } = this.policy.targets;
    const named = level3Username ? await this.recipients.idOfUsername(level3Username) : undefined;
    return [
      ...users(named ? [named] : []),
      ...(level3WebhookUrl ? [{ kind: 'webhook' as const, url: level3WebhookUrl }] : []),
    ];
  }
}
