import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { QuietHours } from '@fleet/telemetry/api/notifications';
import { DAY_MS, localMidnight, minutesOfDay } from '../../alerts/muting/china-time';

/**
 * When the quiet hours holding `at` end (epoch ms), or undefined when `at` is outside
 * them. Equal start and end mean no quiet hours at all.
 */
export function quietUntil(quiet: QuietHours, at: number): number | undefined {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return undefined;
  const midnight = localMidnight(at);
  const minute = (at - midnight) / 60_000;
  const endToday = midnight + end * 60_000;
  if (start < end) return minute >= start && minute < end ? endToday : undefined;
  if (minute >= start) return endToday + DAY_MS;
  return minute < end ? endToday : undefined;
}

/**
 * Until when a message of notices of these severities to a user with `quiet` waits
 * (undefined: sent now). A critical notice overrides the quiet hours, unless the user
 * turned that off (`criticalOverride: false`).
 */
export function quietHold(
  quiet: QuietHours | null,
  severities: readonly AlertSeverity[],
  at: number,
): number | undefined {
  if (quiet === null) return undefined;
  if (quiet.criticalOverride !== false && severities.includes('critical')) return undefined;
  return quietUntil(quiet, at);
}
