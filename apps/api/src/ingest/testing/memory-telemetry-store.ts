import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import type { DeadLetter, StoreBatchResult, TelemetryStore } from '../../storage/telemetry-store.port';

/**
 * A TelemetryStore in memory for unit specs of the batcher and pipeline: idempotent on
 * (terminal, channel, ts, seq) like the real one, and able to fail its next N commits.
 */
export class MemoryTelemetryStore implements TelemetryStore {
  readonly rows = new Map<string, TelemetryMessage>();
  readonly deadLetters: DeadLetter[] = [];
  readonly batches: number[] = [];
  failNext = 0;
  calls = 0;

  async storeBatch(
    messages: readonly TelemetryMessage[],
    deadLetters: readonly DeadLetter[],
  ): Promise<StoreBatchResult> {
    this.calls += 1;
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('database unavailable');
    }
    let stored = 0;
    for (const message of messages) {
      const key = `${message.terminalId}|${message.channel}|${message.ts}|${message.seq}`;
      if (this.rows.has(key)) continue;
      this.rows.set(key, message);
      stored += 1;
    }
    this.deadLetters.push(...deadLetters);
    this.batches.push(messages.length + deadLetters.length);
    return { stored, duplicates: messages.length - stored, deadLetters: deadLetters.length };
  }
}
