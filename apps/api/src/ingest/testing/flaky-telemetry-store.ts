import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { DeadLetter, StoreBatchResult, TelemetryStore } from '../../storage/telemetry-store.port';

/**
 * Wraps a real TelemetryStore and lets a test cause or watch a database outage:
 * `failNext(n)` rejects the next n commits before they reach the database, and
 * `nextFailure()` resolves at the next failed commit, injected or real.
 */
export class FlakyTelemetryStore implements TelemetryStore {
  private injected = 0;
  private failureWaiters: Array<() => void> = [];
  failures = 0;

  constructor(private readonly inner: TelemetryStore) {}

  failNext(count: number): void {
    this.injected = count;
  }

  nextFailure(): Promise<void> {
    return new Promise((resolve) => this.failureWaiters.push(resolve));
  }

  async storeBatch(
    messages: readonly TelemetryMessage[],
    deadLetters: readonly DeadLetter[],
  ): Promise<StoreBatchResult> {
    try {
      if (this.injected > 0) {
        this.injected -= 1;
        throw new Error('connection to the database lost (injected)');
      }
      return await this.inner.storeBatch(messages, deadLetters);
    } catch (error) {
      this.failures += 1;
      for (const resolve of this.failureWaiters.splice(0)) resolve();
      throw error;
    }
  }
}
