import type { AppConfig } from '../config/app-config';
import type { Clock } from '../ingest/clock';
import type { GroupTiming } from './grouping/grouping.repository';
import type { RetryPolicy } from './retry-delay';

/** Typed knobs of delivery; tests shorten them, production keeps the defaults. */
export interface NotificationOptions {
  retry: RetryPolicy;
  grouping: GroupTiming;
  /** How often the worker looks for due notifications. */
  pollMs: number;
  /** Rows claimed per look. */
  batchSize: number;
  /** How long a claim holds a row; a sender that died lets it go after this. Longer than any send. */
  leaseMs: number;
  /** Whether the module starts the worker's timer at bootstrap (tests drive runOnce instead). */
  autoStart: boolean;
}

export const DEFAULT_NOTIFICATION_OPTIONS: NotificationOptions = {
  retry: { maxAttempts: 8, minDelayMs: 5_000, maxDelayMs: 15 * 60_000 },
  // Alertmanager's are 30 s and 5 min. The wait is 5 s: an alert should reach its mailbox
  // within 10 s of opening, and a wave of faults opens within a second or two; the 5 min
  // interval is what keeps an outage from flooding anyone.
  grouping: { groupWaitMs: 5_000, groupIntervalMs: 5 * 60_000 },
  pollMs: 1_000,
  batchSize: 20,
  leaseMs: 2 * 60_000,
  autoStart: true,
};

export const NOTIFICATION_OPTIONS = Symbol('NOTIFICATION_OPTIONS');
/** The one clock of this module: due times, attempts, grouping. */
export const NOTIFICATION_CLOCK = Symbol('NOTIFICATION_CLOCK');
export type { Clock };

/** The defaults with the group timing the configuration sets (NOTIFY_GROUP_WAIT_S, NOTIFY_GROUP_INTERVAL_S). */
export function notificationOptionsFrom(config: Pick<AppConfig, 'alerting'>): NotificationOptions {
  const { groupWaitS, groupIntervalS } = config.alerting;
  const { grouping } = DEFAULT_NOTIFICATION_OPTIONS;
  return {
    ...DEFAULT_NOTIFICATION_OPTIONS,
    grouping: {
      groupWaitMs: groupWaitS === undefined ? grouping.groupWaitMs : groupWaitS * 1000,
      groupIntervalMs: groupIntervalS === undefined ? grouping.groupIntervalMs : groupIntervalS * 1000,
    },
  };
}
