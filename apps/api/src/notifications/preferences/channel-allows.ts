import { ALERT_SEVERITIES, type AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { NotificationPreferences, UserNotificationChannel } from '@fleet/telemetry/api/notifications';

/** Most severe first: a lower index is more severe. */
const RANK = new Map(ALERT_SEVERITIES.map((severity, index) => [severity, index]));

/**
 * Whether a user's channel carries an alert of `severity`: it is on and the alert is at
 * least its minimum severity. The inbox always carries critical alerts, whatever was chosen.
 */
export function channelAllows(
  preferences: NotificationPreferences,
  channel: UserNotificationChannel,
  severity: AlertSeverity,
): boolean {
  if (channel === 'in_app' && severity === 'critical') return true;
  const { enabled, minSeverity } = preferences[channel];
  return enabled && RANK.get(severity)! <= RANK.get(minSeverity)!;
}
