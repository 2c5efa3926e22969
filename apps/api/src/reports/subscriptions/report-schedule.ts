import type { ReportCadence } from '@fleet/telemetry/api/report-subscriptions';
import { addDays, localDateOf, zoneOffsetMs } from '../period/zoned-time';

/** A scheduled report's period: local dates `[from, to)`, and the instant it is made. */
export interface ScheduledPeriod {
  from: string;
  to: string;
  runAt: number;
}

/** Reports are made at 08:00 local time. */
const RUN_HOUR = 8;

/** The instant of `date` at RUN_HOUR:00 in `timeZone`, exact across DST (offset read twice, at the answer). */
function runInstant(date: string, timeZone: string): number {
  const wall = Date.parse(`${date}T${String(RUN_HOUR).padStart(2, '0')}:00:00Z`);
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

/** ISO weekday of a local date: Monday 1 … Sunday 7. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The first of the month `months` away from the month of `date`. */
function firstOfMonth(date: string, months = 0): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

/** The local date a period of `cadence` made on `runDate` starts (`runDate` is its end). */
function periodStart(cadence: ReportCadence, runDate: string): string {
  return cadence === 'weekly' ? addDays(runDate, -7) : firstOfMonth(runDate, -1);
}

/**
 * The latest period of `cadence` whose report is due at `now` in `timeZone`: weekly, the
 * Monday–Sunday before the last Monday 08:00; monthly, the calendar month before the last
 * 1st 08:00. A process that was down at 08:00 still finds that period when it comes up.
 */
export function latestDuePeriod(cadence: ReportCadence, timeZone: string, now: number): ScheduledPeriod {
  const today = localDateOf(now, timeZone);
  let runDate = cadence === 'weekly' ? addDays(today, 1 - isoWeekday(today)) : firstOfMonth(today);
  if (runInstant(runDate, timeZone) > now) {
    runDate = cadence === 'weekly' ? addDays(runDate, -7) : firstOfMonth(runDate, -1);
  }
  return { from: periodStart(cadence, runDate), to: runDate, runAt: runInstant(runDate, timeZone) };
}

/** When the next report of `cadence` after `now` is made. */
export function nextRunAt(cadence: ReportCadence, timeZone: string, now: number): number {
  const { to } = latestDuePeriod(cadence, timeZone, now);
  return runInstant(cadence === 'weekly' ? addDays(to, 7) : firstOfMonth(to, 1), timeZone);
}
