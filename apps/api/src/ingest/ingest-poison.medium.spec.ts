import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { SqlTelemetryStore } from '../storage/telemetry/sql-telemetry-store';
import type { DeadLetter } from '../storage/telemetry-store.port';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { makeMessage } from '../storage/testing/telemetry-factory';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { IngestBatcher, type CommittedBatch, type IngestBatcherHooks } from './ingest-batcher';
import type { IngestItem } from './ingest-item';
import type { StoreErrorKind } from './store-error-kind';

const postgresUp = await postgresAvailableOrSkip();
const T = Math.floor((Date.now() - 3_600_000) / 1000) * 1000;
/** Past PostgreSQL's integer (interval_s): the database refuses it for good (SQLSTATE 22003). */
const PAST_INTEGER = 3_000_000_000;

const heartbeat = (terminalId: string, seq: number, intervalS = 60): TelemetryMessage =>
  makeMessage('heartbeat', { terminalId, ts: T + seq * 1000, seq, payload: { intervalS } });

/** A real batcher on the real SQL store, recording what it announces and what it acks. */
function harness(test: TestDatabase, hooks: IngestBatcherHooks = {}) {
  const acked: string[] = [];
  const committed: CommittedBatch[] = [];
  const failures: StoreErrorKind[] = [];
  const refused: DeadLetter[] = [];
  const batcher = new IngestBatcher(
    new SqlTelemetryStore(test.database),
    { batchSize: 100, flushMs: 10, bufferLimit: 10_000, retryMinMs: 5, retryMaxMs: 50 },
    {
      storeFailed: (_error, _attempt, kind) => failures.push(kind),
      messageRefused: (deadLetter) => refused.push(deadLetter),
      ...hooks,
      committed: (batch) => {
        committed.push(batch);
        hooks.committed?.(batch);
      },
    },
  );
  const add = (message: TelemetryMessage) => {
    const item: IngestItem = {
      kind: 'message',
      message,
      ack: () => acked.push(`${message.terminalId}#${message.seq}`),
    };
    batcher.add(item);
  };
  return { batcher, add, acked, committed, failures, refused };
}

async function heartbeatCount(test: TestDatabase, prefix: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from heartbeats
    where terminal_id like ${`${prefix}%`}`.execute(test.database.db);
  return rows[0]!.n;
}

describe.skipIf(!postgresUp)('ingest under store errors on PostgreSQL', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('stores 50 messages around one the database refuses, dead-letters that one with its reason, acks all and goes on', async () => {
    const h = harness(test);
    for (let i = 1; i <= 25; i++) h.add(heartbeat(`PA-${i}`, 1));
    h.add(heartbeat('PA-POISON', 1, PAST_INTEGER));
    for (let i = 26; i <= 50; i++) h.add(heartbeat(`PA-${i}`, 1));
    await h.batcher.drain();

    expect(await heartbeatCount(test, 'PA-')).toBe(50);
    expect(await heartbeatCount(test, 'PA-POISON')).toBe(0);
    const { rows } = await sql<{ reason: string; detail: string; topic: string; payload: string }>`
      select reason, detail, topic, payload from dead_letters where terminal_id = 'PA-POISON'`.execute(
      test.database.db,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: 'store_refused', topic: 'fleet/v1/PA-POISON/heartbeat' });
    expect(rows[0]!.detail).toMatch(/^SQLSTATE 22003: .*out of range/);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ intervalS: PAST_INTEGER });
    expect(h.refused.map((letter) => letter.terminalId)).toEqual(['PA-POISON']);
    expect(h.failures.every((kind) => kind === 'permanent')).toBe(true);
    expect(h.acked).toHaveLength(51);
    expect(new Set(h.acked).size).toBe(51);
    // Announced once each: the 50 stored, and the refused one only as a dead letter.
    const announced = h.committed.flatMap((batch) => batch.messages.map((m) => m.terminalId));
    expect(announced.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `PA-${i + 1}`).sort());
    expect(h.committed.reduce((sum, batch) => sum + batch.result.deadLetters, 0)).toBe(1);

    for (let i = 1; i <= 5; i++) h.add(heartbeat(`PA-${i}`, 2));
    await h.batcher.drain();
    expect(await heartbeatCount(test, 'PA-')).toBe(55);
    expect(h.acked).toHaveLength(56);
    h.batcher.close();
  });

  it('retries a batch whose connection the server terminated mid-store and stores it exactly once', async () => {
    const h = harness(test);
    const blocker = new pg.Client({ connectionString: test.databaseUrl });
    await blocker.connect();
    try {
      // Hold the table so the store's insert waits where it can be seen, then kill its backend.
      await blocker.query('begin');
      await blocker.query('lock table heartbeats in access exclusive mode');
      for (let i = 1; i <= 20; i++) h.add(heartbeat(`PB-${i}`, 1));
      let victim: number | undefined;
      for (let tries = 0; victim === undefined && tries < 200; tries++) {
        const { rows } = await blocker.query<{ pid: number }>(
          `select pid from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
        );
        victim = rows[0]?.pid;
        if (victim === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(victim).toBeDefined();
      await blocker.query('select pg_terminate_backend($1)', [victim]);
      await blocker.query('commit');
    } finally {
      await blocker.end();
    }
    await h.batcher.drain();

    expect(h.failures.length).toBeGreaterThanOrEqual(1);
    expect(h.failures.every((kind) => kind === 'transient')).toBe(true);
    expect(h.refused).toEqual([]);
    expect(await heartbeatCount(test, 'PB-')).toBe(20);
    expect(h.acked).toHaveLength(20);
    expect(h.committed.flatMap((batch) => batch.messages)).toHaveLength(20);
    h.batcher.close();
  });

  it('stores and announces a batch once when a commit listener throws, and the next batches flow', async () => {
    const listenerErrors: unknown[] = [];
    let calls = 0;
    const h = harness(test, {
      committed: () => {
        calls += 1;
        if (calls === 1) throw new Error('risk engine exploded');
      },
      listenerFailed: (error) => listenerErrors.push(error),
    });
    for (let i = 1; i <= 10; i++) h.add(heartbeat(`PC-${i}`, 1));
    await h.batcher.drain();
    for (let i = 1; i <= 10; i++) h.add(heartbeat(`PC-${i}`, 2));
    await h.batcher.drain();

    expect(listenerErrors).toHaveLength(1);
    expect(h.failures).toEqual([]);
    expect(h.committed).toHaveLength(2);
    expect(h.committed.map((batch) => batch.result)).toEqual([
      { stored: 10, duplicates: 0, deadLetters: 0 },
      { stored: 10, duplicates: 0, deadLetters: 0 },
    ]);
    expect(await heartbeatCount(test, 'PC-')).toBe(20);
    expect(h.acked).toHaveLength(20);
    h.batcher.close();
  });
});
