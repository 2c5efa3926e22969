import type { FailureCounter } from './failure-counter';

/**
 * Failure timestamps per key over a sliding window, in memory: for a single process
 * (without REDIS_URL), where a restart forgetting the counts costs an attacker's progress
 * nothing. Memory stays bounded: stale keys are swept as new failures arrive, and each
 * key keeps at most `limit` timestamps. Promises only to share FailureCounter with Redis.
 */
export class SlidingWindowCounter implements FailureCounter {
  private readonly failures = new Map<string, number[]>();
  private writesSinceSweep = 0;

  constructor(
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it is under the limit. */
  retryAfterMs(key: string, now: number): Promise<number> {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return Promise.resolve(0);
    const oldestCounted = recent[recent.length - this.limit] as number;
    return Promise.resolve(oldestCounted + this.windowMs - now);
  }

  record(key: string, now: number): Promise<void> {
    const recent = this.recent(key, now);
    recent.push(now);
    if (recent.length > this.limit) recent.splice(0, recent.length - this.limit);
    this.failures.set(key, recent);
    if (++this.writesSinceSweep >= 1000) this.sweep(now);
    return Promise.resolve();
  }

  clear(key: string): Promise<void> {
    this.failures.delete(key);
    return Promise.resolve();
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
