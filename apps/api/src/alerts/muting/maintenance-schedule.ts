import type { MaintenanceSchedule } from '@fleet/telemetry/api/muting';
import { DAY_MS, isoWeekday, localMidnight, minutesOfDay } from './china-time';

const MIN = 60_000;

/** One stretch of a window, epoch ms: from `startsAt` (inclusive) to `endsAt` (exclusive). */
export interface Occurrence {
  startsAt: number;
  endsAt: number;
}

/**
 * The occurrence in effect at `at`, or else the next one to start; undefined when none is
 * to come (a one-off that is over). A weekly window that runs past midnight belongs to the
 * day it started on, so a Friday 22:00 window of 4 hours covers Saturday 01:00 and not
 * Friday 01:00.
 */
export function currentOrNextOccurrence(schedule: MaintenanceSchedule, at: number): Occurrence | undefined {
  if (schedule.kind === 'once') {
    const once = { startsAt: Date.parse(schedule.startsAt), endsAt: Date.parse(schedule.endsAt) };
    return at < once.endsAt ? once : undefined;
  }
  const offset = minutesOfDay(schedule.start) * MIN;
  const duration = schedule.durationMinutes * MIN;
  const today = localMidnight(at);
  // Every start that could still be running (those of the days before today), then the
  // week ahead, in order: the first not yet over is the answer.
  const daysBack = Math.ceil((offset + duration) / DAY_MS);
  for (let day = -daysBack; day <= 7; day++) {
    const midnight = today + day * DAY_MS;
    if (!schedule.days.includes(isoWeekday(midnight))) continue;
    const startsAt = midnight + offset;
    if (at < startsAt + duration) return { startsAt, endsAt: startsAt + duration };
  }
  return undefined;
}

/** Whether `at` lies in the window. */
export function inSchedule(schedule: MaintenanceSchedule, at: number): boolean {
  const occurrence = currentOrNextOccurrence(schedule, at);
  return occurrence !== undefined && at >= occurrence.startsAt;
}
