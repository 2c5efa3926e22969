export interface Failure {
  id: string;
  at: number;
}

/**
 * The densest run of failures (sorted by `at`) within `windowMs`, widened while the next
 * failure is within `gapMs` of its edge (outages cascade over a few minutes).
 * Returns an index range [from, to), or undefined when there are no failures.
 */
export function densestBurst(
  failures: readonly Failure[],
  windowMs: number,
  gapMs: number,
): { from: number; to: number } | undefined {
  if (failures.length === 0) return undefined;
  let best = 0;
  let bestFrom = 0;
  let bestTo = 1;
  let left = 0;
  for (let right = 0; right < failures.length; right++) {
    while (failures[right]!.at - failures[left]!.at > windowMs) left++;
    if (right - left + 1 > best) {
      best = right - left + 1;
      bestFrom = left;
      bestTo = right + 1;
    }
  }
  while (bestFrom > 0 && failures[bestFrom]!.at - failures[bestFrom - 1]!.at <= gapMs) bestFrom--;
  while (bestTo < failures.length && failures[bestTo]!.at - failures[bestTo - 1]!.at <= gapMs) bestTo++;
  return { from: bestFrom, to: bestTo };
}
