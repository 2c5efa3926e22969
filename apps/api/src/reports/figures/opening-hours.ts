import type { ShopHours } from '@fleet/telemetry/api/muting';
import { DAY_MS, localMidnight, minutesOfDay } from '../../alerts/muting/china-time';

/** `[start, end)` in epoch ms. */
export type Interval = readonly [start: number, end: number];

const MIN = 60_000;

/**
 * When the shop is open within [from, to): its shop hours (local time in Asia/Shanghai, as
 * alert muting reads them; a close before the open runs past midnight) every day, or the
 * whole period for a terminal without shop hours, which is expected online around the clock.
 */
export function openingIntervals(hours: ShopHours | null, from: number, to: number): Interval[] {
  if (hours === null) return from < to ? [[from, to]] : [];
  const open = minutesOfDay(hours.open) * MIN;
  let close = minutesOfDay(hours.close) * MIN;
  if (close <= open) close += DAY_MS;
  const intervals: Interval[] = [];
  // From the day before: yesterday's late opening may run into the period.
  for (let day = localMidnight(from) - DAY_MS; day < to; day += DAY_MS) {
    const start = Math.max(day + open, from);
    const end = Math.min(day + close, to);
    if (start < end) intervals.push([start, end]);
  }
  return intervals;
}

/** Total length of `intervals`. */
export function totalMs(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, [start, end]) => sum + (end - start), 0);
}

/** How much of `interval` lies inside `within` (sorted, disjoint). */
export function overlapMs(interval: Interval, within: readonly Interval[]): number {
  let sum = 0;
  for (const [start, end] of within) {
    if (start >= interval[1]) break;
    const s = Math.max(start, interval[0]);
    const e = Math.min(end, interval[1]);
    if (s < e) sum += e - s;
  }
  return sum;
}

/** Merges overlapping intervals (any order) into sorted, disjoint ones. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
