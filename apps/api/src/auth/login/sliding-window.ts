/**
 * Failure timestamps per key over a sliding window, in memory. One API process owns its
 * login endpoint, so no shared store is needed; a restart forgets the counts, which costs
 * an attacker's progress nothing worth a dependency. Memory stays bounded: stale keys are
 * swept as new failures arrive, and each key keeps at most `limit` timestamps.
 */
export class SlidingWindowCounter {
  private readonly failures = new Map<string, number[]>();
  private writesSinceSweep = 0;

  constructor(
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it is under the limit. */
  retryAfterMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    const oldestCounted = recent[recent.length - this.limit] as number;
    return oldestCounted + this.windowMs - now;
  }

  record(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    if (recent.length > this.limit) recent.splice(0, recent.length - this.limit);
    this.failures.set(key, recent);
    if (++this.writesSinceSweep >= 1000) this.sweep(now);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  get size(): number {
    return this.failures.size;
  }

  private recent(key: string, now: number): number[] {
    const all = this.failures.get(key);
    if (!all) return [];
    const recent = all.filter((at) => at > now - this.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }

  private sweep(now: number): void {
    this.writesSinceSweep = 0;
    for (const [key, times] of this.failures) {
      if ((times[times.length - 1] ?? 0) <= now - this.windowMs) this.failures.delete(key);
    }
  }
}
