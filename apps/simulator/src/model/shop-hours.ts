import { hashUnit } from '../random';
import { DAY, HOUR, localDayIndex, localDayStart, localHour, MINUTE } from '../time';
import type { DailyRhythm } from '../fleet/terminal-profile';

/** Relative card traffic by local hour: breakfast, lunch and evening peaks. */
const HOURLY_TRAFFIC = [
  0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.15, 0.35, 0.6, 0.75, 0.85, 0.95, 1.0, 0.9, 0.7, 0.65, 0.7, 0.8, 0.95, 1.0,
  0.9, 0.7, 0.4, 0.15,
] as const;

/** Opening and closing vary by up to ±15 min from day to day. */
function dayJitterH(noiseKey: number, t: number, salt: number): number {
  return ((hashUnit(noiseKey, salt, localDayIndex(t)) - 0.5) * 30 * MINUTE) / HOUR;
}

export function isOpen(rhythm: DailyRhythm, noiseKey: number, t: number): boolean {
  if (rhythm.opensAtH <= 0 && rhythm.closesAtH >= 24) return true;
  const h = localHour(t);
  return h >= rhythm.opensAtH + dayJitterH(noiseKey, t, 1) && h < rhythm.closesAtH + dayJitterH(noiseKey, t, 2);
}

/** Whether the shop has the terminal switched on (it boots before opening, powers off after closing). */
export function isPoweredOn(rhythm: DailyRhythm, noiseKey: number, t: number): boolean {
  if (!rhythm.powersOffAtNight) return true;
  const h = localHour(t);
  return (
    h >= rhythm.opensAtH - 0.25 + dayJitterH(noiseKey, t, 1) && h < rhythm.closesAtH + 0.25 + dayJitterH(noiseKey, t, 2)
  );
}

/** Traffic weight 0…1 at t; 0 while closed. */
export function trafficWeight(rhythm: DailyRhythm, noiseKey: number, t: number): number {
  if (!isOpen(rhythm, noiseKey, t)) return 0;
  return HOURLY_TRAFFIC[Math.floor(localHour(t))] ?? 0;
}

/** The stretch the terminal is switched on during the local day starting at `dayStart`. */
function poweredOnStretch(rhythm: DailyRhythm, noiseKey: number, dayStart: number): { from: number; to: number } {
  const mid = dayStart + 12 * HOUR;
  return {
    from: dayStart + (rhythm.opensAtH - 0.25 + dayJitterH(noiseKey, mid, 1)) * HOUR,
    to: dayStart + (rhythm.closesAtH + 0.25 + dayJitterH(noiseKey, mid, 2)) * HOUR,
  };
}

/**
 * Night-time power-off stretches overlapping [from, to), the complement of each day's
 * powered-on stretch (opening and closing hours always fall inside one local day).
 */
export function powerOffIntervals(
  rhythm: DailyRhythm,
  noiseKey: number,
  from: number,
  to: number,
): { from: number; to: number }[] {
  if (!rhythm.powersOffAtNight) return [];
  const result: { from: number; to: number }[] = [];
  let offSince = poweredOnStretch(rhythm, noiseKey, localDayStart(from) - DAY).to;
  for (let day = localDayStart(from); day < to; day += DAY) {
    const on = poweredOnStretch(rhythm, noiseKey, day);
    if (on.from > from && offSince < to) result.push({ from: Math.max(offSince, from), to: Math.min(on.from, to) });
    offSince = on.to;
  }
  if (offSince < to) result.push({ from: Math.max(offSince, from), to });
  return result.filter((r) => r.to > r.from);
}
