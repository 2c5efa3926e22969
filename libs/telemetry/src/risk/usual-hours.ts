import type { RiskConfig } from './config';
import type { HeartbeatSample } from './history';
import { nextAtOrAfter } from './normalize-history';

const HOUR = 3_600_000;
const counts = new Uint16Array(24);

function hourOfDay(slot: number): number {
  return ((slot % 24) + 24) % 24;
}

/**
 * Learns which hours of the day (UTC; a fixed terminal's local offset is constant) the
 * terminal is usually on: an hour counts when it had heartbeats on at least
 * `usualHourShare` of the days covered. Returns undefined when there is too little
 * history, heartbeats are sparser than hourly, or no hour qualifies. Heartbeats may be
 * downsampled to one per active hour.
 */
export function learnUsualHours(
  heartbeats: readonly HeartbeatSample[],
  config: RiskConfig['offline'],
): Uint8Array | undefined {
  const last = heartbeats[heartbeats.length - 1];
  if (last === undefined || last.intervalS > 3600) return undefined;
  const firstSlot = Math.floor(heartbeats[0]!.ts / HOUR);
  const lastSlot = Math.floor(last.ts / HOUR);
  const slots = lastSlot - firstSlot + 1;
  if (slots < config.learnMinDays * 24) return undefined;
  counts.fill(0);
  // One count per active hour slot; jump over the rest of the slot's heartbeats.
  for (let i = 0; i < heartbeats.length;) {
    const slot = Math.floor(heartbeats[i]!.ts / HOUR);
    counts[hourOfDay(slot)]!++;
    i = nextAtOrAfter(heartbeats, (slot + 1) * HOUR, i + 1);
  }
  const on = new Uint8Array(24);
  let onHours = 0;
  for (let h = 0; h < 24; h++) {
    // Days on which hour h lies within [firstSlot, lastSlot].
    const offset = hourOfDay(h - firstSlot);
    const covered = offset < slots ? Math.floor((slots - 1 - offset) / 24) + 1 : 0;
    if (covered > 0 && counts[h]! >= config.usualHourShare * covered) {
      on[h] = 1;
      onHours++;
    }
  }
  return onHours === 0 ? undefined : on;
}

export function isUsuallyOn(on: Uint8Array, ts: number): boolean {
  return on[hourOfDay(Math.floor(ts / HOUR))] === 1;
}

/** Start of the next usual opening hour (on after off) after ts; undefined for a 24/7 terminal. */
export function nextOpening(on: Uint8Array, ts: number): number | undefined {
  const slot = Math.floor(ts / HOUR);
  for (let s = slot + 1; s <= slot + 48; s++) {
    if (on[hourOfDay(s)] === 1 && on[hourOfDay(s - 1)] === 0) return s * HOUR;
  }
  return undefined;
}

/** Milliseconds of [from, to) that fall in usual hours (capped at 14 days of scanning). */
export function usualTimeBetween(on: Uint8Array, from: number, to: number): number {
  let total = 0;
  const end = Math.min(to, from + 14 * 24 * HOUR);
  let t = from;
  while (t < end) {
    const slotEnd = (Math.floor(t / HOUR) + 1) * HOUR;
    const stop = Math.min(slotEnd, end);
    if (isUsuallyOn(on, t)) total += stop - t;
    t = stop;
  }
  return total;
}
