/**
 * Local dates in any IANA time zone, through Intl (no time-zone database of our own): the
 * instant a local midnight stands for, and the local date of an instant. Exact across
 * daylight-saving changes, since the offset is read at the instant itself.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock fields of `at` in `timeZone`. */
function wallClock(
  at: number,
  timeZone: string,
): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return {
    y: +parts.year!,
    m: +parts.month!,
    d: +parts.day!,
    h: +parts.hour!,
    min: +parts.minute!,
    s: +parts.second!,
  };
}

/** How far `timeZone` is ahead of UTC at `at`, in ms. */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(at / 1000) * 1000;
}

/** The instant (epoch ms) of local midnight starting `date` (`YYYY-MM-DD`) in `timeZone`. */
export function localMidnightOf(date: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let at = utcMidnight - zoneOffsetMs(utcMidnight, timeZone);
  // Read the offset again at the answer: it differs when a DST change lies in between.
  at = utcMidnight - zoneOffsetMs(at, timeZone);
  return at;
}

/** The local date (`YYYY-MM-DD`) holding `at` in `timeZone`. */
export function localDateOf(at: number, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
