import { MAX_REPORT_DAYS } from '@fleet/telemetry/api/reports';

/** The periods the picker offers; `custom` takes its dates from the two date fields. */
export const PERIOD_PRESETS = ['this-week', 'last-week', 'this-month', 'last-month', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** `[from, to)` as local dates (YYYY-MM-DD), the way `GET /reports/device-health` takes them. */
export interface PeriodDates {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** Today's date in `timeZone` at the instant `now`. */
export function localDate(now: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const asUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(asUtc(date) + days * DAY_MS);
}

function firstOfMonth(date: string, monthsLater: number): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  return fromUtc(Date.UTC(year, month - 1 + monthsLater, 1));
}

/** Monday of the ISO week holding `date`: weeks start on Monday in China as in ISO 8601. */
function mondayOf(date: string): string {
  const weekday = (new Date(asUtc(date)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The dates of a preset period around `now` in the user's zone; the server reads them in that zone. */
export function presetDates(
  preset: Exclude<PeriodPreset, 'custom'>,
  now: number,
  timeZone: string,
): PeriodDates {
  const today = localDate(now, timeZone);
  switch (preset) {
    case 'this-week': {
      const monday = mondayOf(today);
      return { from: monday, to: addDays(monday, 7) };
    }
    case 'last-week': {
      const monday = mondayOf(today);
      return { from: addDays(monday, -7), to: monday };
    }
    case 'this-month':
      return { from: firstOfMonth(today, 0), to: firstOfMonth(today, 1) };
    case 'last-month':
      return { from: firstOfMonth(today, -1), to: firstOfMonth(today, 0) };
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type CustomPeriodProblem = 'missing' | 'toBeforeFrom' | 'tooLong';

/**
 * A custom period from the form's two dates, both days included as people say them
 * ("1 to 7 December"), as the API's `[from, to)`; or what is wrong with them.
 */
export function customDates(
  from: string,
  lastDay: string,
): { dates: PeriodDates } | { problem: CustomPeriodProblem } {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(lastDay)) return { problem: 'missing' };
  if (lastDay < from) return { problem: 'toBeforeFrom' };
  const to = addDays(lastDay, 1);
  if ((asUtc(to) - asUtc(from)) / DAY_MS > MAX_REPORT_DAYS) return { problem: 'tooLong' };
  return { dates: { from, to } };
}

/** The last day a `[from, to)` period includes, for showing it as people read periods. */
export function lastDayOf(dates: PeriodDates): string {
  return addDays(dates.to, -1);
}
