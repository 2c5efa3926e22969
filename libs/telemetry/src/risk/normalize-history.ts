import type { EventSample, TerminalHistory } from './history';

type SameSample<T> = (a: T, b: T) => boolean;
const sameTs = (): boolean => true;
const sameEvent: SameSample<EventSample> = (a, b) => a.code === b.code;

/**
 * How many leading samples of an array are known to be clean (sorted, no duplicates).
 * Every detector asks for ordered channels, so each array is checked once; an array that
 * only grew since (appended samples, as an incremental update does) has just its new tail
 * checked. Samples already checked must not be edited in place.
 */
const checkedLength = new WeakMap<readonly object[], number>();

/**
 * Returns `samples` sorted by ts with duplicates removed (the later copy wins); two samples
 * with the same ts are duplicates when `same` says so (by default always).
 * Already-clean arrays (the normal case) are returned as they are, without allocating.
 */
export function orderedByTs<T extends { ts: number }>(
  samples: readonly T[],
  same: SameSample<T> = sameTs,
): readonly T[] {
  const checked = checkedLength.get(samples) ?? 0;
  if (checked === samples.length) return samples;
  let clean = checked > 0 || samples.length === 0 || Number.isFinite(samples[0]!.ts);
  for (let i = Math.max(1, checked); clean && i < samples.length; i++) {
    const prev = samples[i - 1]!;
    const cur = samples[i]!;
    if (cur.ts < prev.ts || (cur.ts === prev.ts && same(prev, cur)) || !Number.isFinite(cur.ts))
      clean = false;
  }
  if (clean) {
    checkedLength.set(samples, samples.length);
    return samples;
  }
  const sorted = samples.filter((s) => Number.isFinite(s.ts)).sort((a, b) => a.ts - b.ts);
  const out: T[] = [];
  for (const s of sorted) {
    let dup = -1;
    for (let j = out.length - 1; j >= 0 && out[j]!.ts === s.ts; j--) {
      if (same(out[j]!, s)) dup = j;
    }
    if (dup >= 0) out[dup] = s;
    else out.push(s);
  }
  checkedLength.set(out, out.length);
  return out;
}

export function orderedEvents(events: readonly EventSample[]): readonly EventSample[] {
  return orderedByTs(events, sameEvent);
}

/** First index in [from, to) of an ordered array whose ts is ≥ t, or `to` (binary search). */
export function firstAtOrAfter(
  samples: ReadonlyArray<{ ts: number }>,
  t: number,
  from = 0,
  to = samples.length,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.ts < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * First index ≥ `from` whose ts is ≥ t, galloping forward from `from`: cheap and
 * cache-friendly when the answer is near, as when stepping through a series.
 */
export function nextAtOrAfter(samples: ReadonlyArray<{ ts: number }>, t: number, from: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < samples.length && samples[hi]!.ts < t) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  return firstAtOrAfter(samples, t, lo, Math.min(hi, samples.length));
}

/** Sorts and dedupes every channel once, so the detectors after it find them clean. */
export function normalizeHistory(history: TerminalHistory): TerminalHistory {
  return {
    ...history,
    heartbeats: orderedByTs(history.heartbeats),
    signal: orderedByTs(history.signal),
    sim: orderedByTs(history.sim),
    paper: orderedByTs(history.paper),
    txn: orderedByTs(history.txn),
    events: orderedEvents(history.events),
    status: orderedByTs(history.status),
  };
}
