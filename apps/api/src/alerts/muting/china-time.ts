/**
 * Local time in the fleet's zone, Asia/Shanghai: a fixed UTC+8 (no daylight saving since
 * 1991), so plain offset arithmetic is exact and needs no time-zone database.
 */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** `HH:MM` as minutes after local midnight. */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Local midnight (as an epoch ms instant) of the local day holding `at`. */
export function localMidnight(at: number): number {
  return Math.floor((at + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
}

/** ISO weekday (1 Monday … 7 Sunday) of the local day that starts at `midnight`. */
export function isoWeekday(midnight: number): number {
  const day = new Date(midnight + CHINA_OFFSET_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

export { DAY_MS };
