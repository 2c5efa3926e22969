import type { TerminalProfile } from '../fleet/terminal-profile';
import type { TerminalEvent } from '../model/readings';
import { isOpen, isPoweredOn } from '../model/shop-hours';
import { hashUnit } from '../random';
import { DAY, MINUTE } from '../time';

/**
 * Sporadic events: one chance per `gapMs` bucket while the fault is active, at a hashed
 * moment in the bucket. Stateless, so any [from, to) slice yields the same events.
 */
export function sporadicEvents(
  noiseKey: number,
  salt: number,
  range: { from: number; to: number },
  active: { from: number; to: number },
  gapMs: number,
  probability: number,
  make: (at: number) => TerminalEvent,
): TerminalEvent[] {
  const events: TerminalEvent[] = [];
  const start = Math.max(range.from, active.from);
  const end = Math.min(range.to, active.to);
  for (let bucket = Math.floor(start / gapMs); bucket * gapMs < end; bucket++) {
    if (hashUnit(noiseKey, salt, bucket) >= probability) continue;
    const at = bucket * gapMs + Math.floor(hashUnit(noiseKey, salt + 1, bucket) * gapMs);
    if (at >= start && at < end) events.push(make(at));
  }
  return events;
}

/**
 * The latest moment at or before `target` when the shop is trading (so the terminal is on and
 * connected); a device failure placed there is seen by the broker rather than hidden by a power-off.
 */
export function tradingMomentBefore(profile: TerminalProfile, target: number): number {
  for (let t = target; t > target - 3 * DAY; t -= 10 * MINUTE) {
    if (isOpen(profile.rhythm, profile.noiseKey, t) && isPoweredOn(profile.rhythm, profile.noiseKey, t)) return t;
  }
  return target;
}
