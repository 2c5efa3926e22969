import { AlertEngine } from '../../../apps/api/src/alerts/alert-engine';
import { AlertEvents } from '../../../apps/api/src/alerts/alert-events';
import {
  ALERT_OPTIONS,
  DEFAULT_ALERT_OPTIONS,
  type AlertOptions,
} from '../../../apps/api/src/alerts/alert-options';
import { AlertsModule } from '../../../apps/api/src/alerts/alerts.module';
import { AlertNotificationsModule } from '../../../apps/api/src/notifications/alert-notifications.module';
import {
  DEFAULT_NOTIFICATION_OPTIONS,
  NOTIFICATION_OPTIONS,
} from '../../../apps/api/src/notifications/notification-options';
import { startRiskPlatform, type RiskPlatform } from '../../../apps/api/src/risk/testing/risk-test-platform';
import type { Database } from '../../../apps/api/src/storage/database';

export interface AlertPlatform {
  platform: RiskPlatform;
  engine: AlertEngine;
  events: AlertEvents;
}

export interface AlertPlatformOptions {
  smtpUrl: string;
  groupIntervalMs: number;
  /** Replaces every non-zero raise time of the alert rules, when set. */
  raiseAfterMinutes?: number;
}

/**
 * The platform's data path from MQTT to a mailbox, in this process, on the wall clock: the
 * embedded broker, the ingest (production batching), the risk engine (5 s sweeps), the
 * alert engine, routing, grouping, the outbox worker and nodemailer. Production settings
 * everywhere but the group interval and the raise times, when a quick run asks.
 */
export async function startAlertPlatform(
  database: Database,
  options: AlertPlatformOptions,
): Promise<AlertPlatform> {
  const platform = await startRiskPlatform({
    database,
    env: {
      SMTP_URL: options.smtpUrl,
      NOTIFY_FROM: 'Fleet Monitor <fleet@bench.test>',
      INGEST_FLUSH_MS: '50',
    },
    imports: [AlertsModule, AlertNotificationsModule],
    overrides: [
      {
        token: NOTIFICATION_OPTIONS,
        value: {
          ...DEFAULT_NOTIFICATION_OPTIONS,
          grouping: { ...DEFAULT_NOTIFICATION_OPTIONS.grouping, groupIntervalMs: options.groupIntervalMs },
        },
      },
      { token: ALERT_OPTIONS, value: alertOptions(options.raiseAfterMinutes) },
    ],
  });
  return { platform, engine: platform.app.get(AlertEngine), events: platform.app.get(AlertEvents) };
}

function alertOptions(raiseAfterMinutes: number | undefined): AlertOptions {
  if (raiseAfterMinutes === undefined) return DEFAULT_ALERT_OPTIONS;
  const causes = Object.fromEntries(
    Object.entries(DEFAULT_ALERT_OPTIONS.causes).map(([code, timing]) => [
      code,
      timing.raiseAfterMinutes === 0 ? timing : { ...timing, raiseAfterMinutes },
    ]),
  ) as AlertOptions['causes'];
  return { ...DEFAULT_ALERT_OPTIONS, causes };
}
