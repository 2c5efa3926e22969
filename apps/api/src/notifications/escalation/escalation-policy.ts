import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { ReminderSetting } from '../../config/alerting-env';
import type { AppConfig } from '../../config/app-config';

/** Reminders of one severity while its alerts stay open. */
export interface ReminderRule {
  /** Re-notify this often after the alert opened (or reopened); undefined: no reminders. */
  reminderIntervalMs?: number;
  /** At most this many reminders per alert. */
  maxReminders: number;
  /**
   * Escalation steps: the alert, still not acknowledged this long after it opened, goes to
   * level 2, then 3 (`[level2AfterMs, level3AfterMs]`); empty: never escalated.
   */
  escalateAfterMs: readonly number[];
}

/**
 * Who each level reaches. Level 1 is the people the alert concerns (its first notice);
 * level 2 every support user and admin; level 3 a configured webhook and/or a named user.
 */
export interface EscalationTargets {
  level3WebhookUrl?: string;
  level3Username?: string;
}

/** The typed, documented escalation policy (README, Notifications). */
export interface EscalationPolicy {
  bySeverity: Record<AlertSeverity, ReminderRule>;
  targets: EscalationTargets;
  /** The evaluator looks for due reminders at most this often (alerts' clock), on the worker's tick. */
  evaluateEveryMs: number;
  /** Open alerts looked at per evaluation (newest first). */
  maxOpenAlerts: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  bySeverity: {
    critical: { reminderIntervalMs: 30 * MIN, maxReminders: 6, escalateAfterMs: [30 * MIN, 2 * HOUR] },
    major: { reminderIntervalMs: 2 * HOUR, maxReminders: 3, escalateAfterMs: [4 * HOUR] },
    minor: { maxReminders: 0, escalateAfterMs: [] },
    warning: { maxReminders: 0, escalateAfterMs: [] },
  },
  targets: {},
  evaluateEveryMs: 30_000,
  maxOpenAlerts: 5_000,
};

export const ESCALATION_POLICY = Symbol('ESCALATION_POLICY');

/** The default policy with the reminders and evaluation period the configuration sets (NOTIFY_REMINDERS, …). */
export function escalationPolicyFrom(config: Pick<AppConfig, 'alerting'>): EscalationPolicy {
  const { reminders, escalationEvaluateS } = config.alerting;
  const bySeverity = { ...DEFAULT_ESCALATION_POLICY.bySeverity };
  for (const [severity, setting] of Object.entries(reminders) as Array<[AlertSeverity, ReminderSetting]>) {
    bySeverity[severity] = {
      ...bySeverity[severity],
      reminderIntervalMs: setting.intervalS * 1000,
      maxReminders: setting.max,
    };
  }
  return {
    ...DEFAULT_ESCALATION_POLICY,
    bySeverity,
    evaluateEveryMs:
      escalationEvaluateS === undefined
        ? DEFAULT_ESCALATION_POLICY.evaluateEveryMs
        : escalationEvaluateS * 1000,
  };
}

/** What the database knows of an alert's reminders and escalation (level 1 when none yet). */
export interface EscalationProgress {
  remindersSent: number;
  level: number;
}

export interface EscalatableAlert {
  severity: AlertSeverity;
  state: 'open' | 'acknowledged' | 'resolved';
  silenced?: boolean;
  /** Start of the current open period (opened or last reopened). */
  openSince: number;
}

/** A due step; `dueAt` is when it fell due, fixed by the policy, so it names the notice. */
export type EscalationAction =
  { kind: 'reminder'; number: number; dueAt: number } | { kind: 'escalation'; level: number; dueAt: number };

/**
 * The steps due for `alert` at `now`, escalations in level order before the reminder.
 * Only an open, unsilenced alert has any. Reminders missed while the platform was down
 * become one reminder (the latest due), not a burst.
 */
export function dueActions(
  alert: EscalatableAlert,
  progress: EscalationProgress,
  now: number,
  rule: ReminderRule,
): EscalationAction[] {
  if (alert.state !== 'open' || alert.silenced === true) return [];
  const actions: EscalationAction[] = [];
  for (let level = progress.level + 1; level <= rule.escalateAfterMs.length + 1; level += 1) {
    const dueAt = alert.openSince + rule.escalateAfterMs[level - 2]!;
    if (dueAt > now) break;
    actions.push({ kind: 'escalation', level, dueAt });
  }
  const interval = rule.reminderIntervalMs;
  if (interval !== undefined && interval > 0) {
    const number = Math.min(rule.maxReminders, Math.floor((now - alert.openSince) / interval));
    if (number > progress.remindersSent)
      actions.push({ kind: 'reminder', number, dueAt: alert.openSince + number * interval });
  }
  return actions;
}
