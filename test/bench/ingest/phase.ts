import { percentile } from './workload';

/** Counts one phase's completions (received or committed) and their publish-to-done latency. */
export class PhaseProbe {
  count = 0;
  lastAt = 0;
  private readonly latencies: Float64Array;
  private latencyCount = 0;
  private waiter: { target: number; resolve: () => void } | null = null;

  constructor(capacity: number) {
    this.latencies = new Float64Array(capacity);
  }

  done(n: number, at: number, sentAts: readonly number[] = []): void {
    this.count += n;
    this.lastAt = at;
    for (const sentAt of sentAts) {
      if (this.latencyCount < this.latencies.length) this.latencies[this.latencyCount++] = at - sentAt;
    }
    if (this.waiter && this.count >= this.waiter.target) {
      this.waiter.resolve();
      this.waiter = null;
    }
  }

  /** Resolves when `target` are done, or after `timeoutMs` (then count < target). */
  until(target: number, timeoutMs: number): Promise<void> {
    if (this.count >= target) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiter = {
        target,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }

  p99(): number {
    const sorted = this.latencies.slice(0, this.latencyCount).sort();
    return percentile(sorted, 99);
  }
}
