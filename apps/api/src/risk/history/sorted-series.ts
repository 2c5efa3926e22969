/**
 * In-place edits of a channel array that keep it strictly sorted by ts (no duplicates).
 * The engine's normalizeHistory trusts an array it once found clean; keeping that
 * invariant on every edit is what makes editing in place safe.
 */

import { firstAtOrAfter } from '@fleet/telemetry/risk/normalize-history';

/** Inserts `sample` at its place; a sample with the same ts (a duplicate delivery) is replaced. */
export function insertSample<T extends { ts: number }>(samples: T[], sample: T): void {
  const last = samples[samples.length - 1];
  if (last === undefined || sample.ts > last.ts) {
    samples.push(sample);
    return;
  }
  const i = firstAtOrAfter(samples, sample.ts);
  if (samples[i]?.ts === sample.ts) samples[i] = sample;
  else samples.splice(i, 0, sample);
}

/**
 * Keeps one sample per bucket (e.g. per hour): a sample replaces the one of its bucket
 * when it is newer (or combines with it through `merge`), and is inserted otherwise.
 */
export function upsertBucketed<T extends { ts: number }>(
  samples: T[],
  sample: T,
  bucketMs: number,
  merge: (kept: T, incoming: T) => T = (kept, incoming) => (incoming.ts >= kept.ts ? incoming : kept),
): void {
  const bucket = Math.floor(sample.ts / bucketMs);
  const i = firstAtOrAfter(samples, bucket * bucketMs);
  const kept = samples[i];
  if (kept !== undefined && Math.floor(kept.ts / bucketMs) === bucket) {
    const merged = merge(kept, sample);
    if (merged === kept) return;
    // The merged sample stays inside its bucket, so the order is unchanged.
    samples[i] = merged;
    return;
  }
  samples.splice(i, 0, sample);
}

/** Drops samples older than `cutoff`, keeping at least the newest `keepLast`. */
export function trimBefore<T extends { ts: number }>(samples: T[], cutoff: number, keepLast = 0): void {
  if (samples.length === 0 || samples[0]!.ts >= cutoff) return;
  const drop = Math.min(firstAtOrAfter(samples, cutoff), samples.length - keepLast);
  if (drop > 0) samples.splice(0, drop);
}
