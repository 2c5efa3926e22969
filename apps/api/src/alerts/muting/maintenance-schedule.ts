import type { MaintenanceSchedule } from '@fleet/telemetry/api/muting';
import { DAY_MS, isoWeekday, localMidnight, minutesOfDay } from './china-time';

const MIN = 60_000;

/**
 * Whether `at` lies in the window: a one-off from its start (inclusive) to its end
 * (exclusive), or a weekly one started on one of its weekdays at its local start time.
 * A weekly window that runs past midnight belongs to the day it started on, so a Friday
 * 22:00 window of 4 hours covers Saturday 01:00 and not Friday 01:00.
 */
export function inSchedule(schedule: MaintenanceSchedule, at: number): boolean {
  if (schedule.kind === 'once')
    return at >= Date.parse(schedule.startsAt) && at < Date.parse(schedule.endsAt);
  const offset = minutesOfDay(schedule.start) * MIN;
  const duration = schedule.durationMinutes * MIN;
  const today = localMidnight(at);
  // Every start that could still be running: today's and those of the days before it.
  const daysBack = Math.ceil((offset + duration) / DAY_MS);
  for (let back = 0; back <= daysBack; back++) {
    const midnight = today - back * DAY_MS;
    if (!schedule.days.includes(isoWeekday(midnight))) continue;
    const start = midnight + offset;
    if (at >= start && at < start + duration) return true;
  }
  return false;
}
