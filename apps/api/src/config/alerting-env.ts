import { z } from 'zod';
import type { AlertSeverity } from '@fleet/telemetry/api/alerts';

/** Reminders of one severity: every `intervalS` while unacknowledged, at most `max` times. */
export interface ReminderSetting {
  intervalS: number;
  max: number;
}

/**
 * The timing of alerts and their notifications, from the environment. Unset values keep
 * the typed defaults (alert-options.ts, notification-options.ts, escalation-policy.ts):
 * these exist so a staging system or an end-to-end test can run the lifecycle in seconds.
 */
export interface AlertingConfig {
  resolveHoldS?: number;
  raiseAfterS?: number;
  groupWaitS?: number;
  groupIntervalS?: number;
  escalationEvaluateS?: number;
  reminders: Partial<Record<AlertSeverity, ReminderSetting>>;
}

const seconds = (max: number) => z.coerce.number().int().min(1).max(max).optional();
const DAY_S = 86_400;
const REMINDER = /^(critical|major|minor|warning):(\d{1,6}):(\d{1,3})$/;

/** `minor:600:3,critical:1800:6`: per severity, the interval in seconds and the most reminders. */
const remindersSchema = z
  .string()
  .refine(
    (value) => value.split(',').every((part) => REMINDER.test(part.trim())),
    'must be severity:intervalSeconds:maxReminders, comma-separated, e.g. minor:600:3',
  )
  .transform((value) => {
    const out: Partial<Record<AlertSeverity, ReminderSetting>> = {};
    for (const part of value.split(',')) {
      const [, severity, interval, max] = REMINDER.exec(part.trim())!;
      out[severity as AlertSeverity] = { intervalS: Number(interval), max: Number(max) };
    }
    return out;
  })
  .refine((r) => Object.values(r).every((s) => s.intervalS > 0), 'intervals must be at least 1 second');

export const alertingEnvSchema = z.object({
  /** A cause gone this long resolves its alert by itself (causes with their own hold keep it). */
  ALERT_RESOLVE_HOLD_S: seconds(DAY_S),
  /** A cause seen this long opens its alert, however long its own raise time (shorter ones keep theirs). */
  ALERT_RAISE_AFTER_S: seconds(DAY_S),
  /** A new group of notices waits this long for more before it is sent. */
  NOTIFY_GROUP_WAIT_S: seconds(3_600),
  /** After a message, what follows for that recipient waits until this long has passed. */
  NOTIFY_GROUP_INTERVAL_S: seconds(DAY_S),
  /** How often due reminders and escalation steps are looked for. */
  NOTIFY_ESCALATION_EVALUATE_S: seconds(3_600),
  NOTIFY_REMINDERS: remindersSchema.optional(),
});

export function alertingConfig(e: z.infer<typeof alertingEnvSchema>): AlertingConfig {
  return {
    resolveHoldS: e.ALERT_RESOLVE_HOLD_S,
    raiseAfterS: e.ALERT_RAISE_AFTER_S,
    groupWaitS: e.NOTIFY_GROUP_WAIT_S,
    groupIntervalS: e.NOTIFY_GROUP_INTERVAL_S,
    escalationEvaluateS: e.NOTIFY_ESCALATION_EVALUATE_S,
    reminders: e.NOTIFY_REMINDERS ?? {},
  };
}
