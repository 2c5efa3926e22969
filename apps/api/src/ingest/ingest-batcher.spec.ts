import { describe, expect, it } from 'vitest';
import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { IngestBatcher, type IngestBatcherOptions } from './ingest-batcher';
import type { IngestItem } from './ingest-item';
import { MemoryTelemetryStore } from './testing/memory-telemetry-store';

const NOW = Date.parse('2026-01-01T00:00:00Z');

function item(seq: number, acked: number[], terminalId = 'T1', onAck: () => void = () => {}): IngestItem {
  const message = {
    terminalId,
    channel: 'paper',
    ts: NOW + seq,
    seq,
    receivedAt: NOW,
    payload: { ts: NOW + seq, seq, status: 'ok' },
  } as TelemetryMessage;
  return {
    kind: 'message',
    message,
    ack: () => {
      onAck();
      acked.push(seq);
    },
  };
}

function setup(options: Partial<IngestBatcherOptions> = {}) {
  const store = new MemoryTelemetryStore();
  const events = { backpressure: [] as boolean[], failures: 0, committed: [] as number[] };
  let onCommit = () => {};
  let onFailure = () => {};
  const batcher = new IngestBatcher(
    store,
    { batchSize: 3, flushMs: 20, bufferLimit: 100, retryMinMs: 1, retryMaxMs: 5, ...options },
    {
      committed: (batch) => {
        events.committed.push(batch.messages.length + batch.deadLetters.length);
        onCommit();
      },
      storeFailed: () => {
        events.failures += 1;
        onFailure();
      },
      backpressure: (on) => events.backpressure.push(on),
    },
  );
  const nextCommit = () => new Promise<void>((resolve) => (onCommit = resolve));
  const nextFailure = () => new Promise<void>((resolve) => (onFailure = resolve));
  return { store, batcher, events, nextCommit, nextFailure };
}

describe('IngestBatcher', () => {
  it('flushes as soon as a full batch is waiting and acks only after the commit', async () => {
    const { store, batcher, nextCommit } = setup({ flushMs: 60_000 });
    const acked: number[] = [];
    const committed = nextCommit();
    [1, 2, 3].forEach((seq) => batcher.add(item(seq, acked)));
    expect(acked).toEqual([]);
    await committed;
    await batcher.drain();
    expect(acked).toEqual([1, 2, 3]);
    expect(store.rows.size).toBe(3);
  });

  it('flushes a partial batch after flushMs', async () => {
    const { store, batcher, nextCommit } = setup({ batchSize: 1000, flushMs: 10 });
    const acked: number[] = [];
    const committed = nextCommit();
    batcher.add(item(1, acked));
    await committed;
    expect(store.batches).toEqual([1]);
  });

  it('keeps a failed batch, retries it and acks nothing until it commits', async () => {
    const { store, batcher, events } = setup();
    store.failNext = 3;
    const acked: number[] = [];
    const ackedBeforeStored: number[] = [];
    const add = (seq: number) =>
      batcher.add(
        item(seq, acked, 'T1', () => {
          if (![...store.rows.values()].some((m) => m.seq === seq)) ackedBeforeStored.push(seq);
        }),
      );
    [1, 2, 3, 4, 5].forEach(add);
    await batcher.drain();
    expect(events.failures).toBe(3);
    expect(ackedBeforeStored).toEqual([]);
    // Concurrent batches may commit out of order; the AckSequencer restores receive order.
    expect([...acked].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...store.rows.values()].map((m) => m.seq).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('asks for backpressure at the buffer limit and releases it once drained', async () => {
    const { store, batcher, events } = setup({ batchSize: 2, bufferLimit: 4 });
    store.failNext = 2;
    const acked: number[] = [];
    [1, 2, 3, 4].forEach((seq) => batcher.add(item(seq, acked)));
    expect(events.backpressure).toEqual([true]);
    await batcher.drain();
    expect(events.backpressure).toEqual([true, false]);
    expect([...acked].sort()).toEqual([1, 2, 3, 4]);
  });

  it('commits at most maxConcurrentCommits batches at once, each sorted by terminal', async () => {
    const store = new MemoryTelemetryStore();
    let running = 0;
    let peak = 0;
    const orders: string[][] = [];
    const slow = {
      async storeBatch(messages: readonly TelemetryMessage[]) {
        running += 1;
        peak = Math.max(peak, running);
        orders.push(messages.map((m) => m.terminalId));
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return store.storeBatch(messages, []);
      },
    };
    const batcher = new IngestBatcher(slow, {
      batchSize: 2,
      flushMs: 1,
      bufferLimit: 100,
      maxConcurrentCommits: 2,
    });
    const acked: number[] = [];
    ['B', 'A', 'D', 'C', 'F', 'E', 'H', 'G'].forEach((tid, seq) => batcher.add(item(seq, acked, tid)));
    await batcher.drain();
    expect(peak).toBe(2);
    expect(orders).toEqual([
      ['A', 'B'],
      ['C', 'D'],
      ['E', 'F'],
      ['G', 'H'],
    ]);
    expect(store.rows.size).toBe(8);
  });

  it('stores a duplicate once and still acks both copies', async () => {
    const { store, batcher } = setup();
    const acked: number[] = [];
    batcher.add(item(1, acked));
    batcher.add(item(1, acked));
    await batcher.drain();
    expect(store.rows.size).toBe(1);
    expect(acked).toEqual([1, 1]);
  });

  it('after close stops retrying and leaves the batch unacked for redelivery', async () => {
    const { store, batcher, events, nextFailure } = setup({ retryMinMs: 50, retryMaxMs: 50 });
    store.failNext = 1000;
    const acked: number[] = [];
    const failed = nextFailure();
    [1, 2, 3].forEach((seq) => batcher.add(item(seq, acked)));
    await failed;
    batcher.close();
    await batcher.drain();
    expect(acked).toEqual([]);
    expect(store.calls).toBe(events.failures);
  });
});

/** A memory store that refuses some messages for good, as PostgreSQL does a value out of range. */
class RefusingStore extends MemoryTelemetryStore {
  attempts = 0;
  constructor(
    private readonly refuses: (message: TelemetryMessage) => boolean,
    private readonly code = '22003',
  ) {
    super();
  }

  override storeBatch(...args: Parameters<MemoryTelemetryStore['storeBatch']>) {
    this.attempts += 1;
    if (args[0].some(this.refuses))
      return Promise.reject(Object.assign(new Error('integer out of range'), { code: this.code }));
    return super.storeBatch(...args);
  }
}

describe('IngestBatcher with a message the store refuses for good', () => {
  it('stores the rest, keeps each refused message as a dead letter with the reason, and acks all', async () => {
    const store = new RefusingStore((m) => m.seq === 5 || m.seq === 12);
    const kinds: string[] = [];
    const batcher = new IngestBatcher(
      store,
      { batchSize: 16, flushMs: 5, bufferLimit: 100, retryMinMs: 1, retryMaxMs: 5 },
      { storeFailed: (_error, _attempt, kind) => kinds.push(kind) },
    );
    const acked: number[] = [];
    for (let seq = 1; seq <= 16; seq++) batcher.add(item(seq, acked, `T${seq}`));
    await batcher.drain();
    expect(store.rows.size).toBe(14);
    // The batcher orders a batch by terminal id, so T12 comes before T5.
    expect(store.deadLetters.map((d) => [d.terminalId, d.reason, d.detail])).toEqual([
      ['T12', 'store_refused', 'SQLSTATE 22003: integer out of range'],
      ['T5', 'store_refused', 'SQLSTATE 22003: integer out of range'],
    ]);
    expect(acked.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(new Set(kinds)).toEqual(new Set(['permanent']));
    // Bisection, not one try per message: 16 messages with 2 refused take far fewer than 16 splits.
    expect(store.attempts).toBeLessThan(20);
  });

  it('does not split on a schema error (42*): holds the batch and retries, acking nothing', async () => {
    const store = new RefusingStore((m) => m.seq === 2, '42703');
    const kinds: string[] = [];
    const batcher = new IngestBatcher(
      store,
      { batchSize: 3, flushMs: 5, bufferLimit: 100, retryMinMs: 1, retryMaxMs: 2 },
      { storeFailed: (_error, _attempt, kind) => kinds.push(kind) },
    );
    const acked: number[] = [];
    [1, 2, 3].forEach((seq) => batcher.add(item(seq, acked)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    batcher.close();
    expect(kinds.length).toBeGreaterThan(3);
    expect(new Set(kinds)).toEqual(new Set(['transient']));
    expect(acked).toEqual([]);
    expect(store.deadLetters).toEqual([]);
    expect(store.rows.size).toBe(0);
  });
});
