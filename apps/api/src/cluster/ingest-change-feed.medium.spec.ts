import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMessage } from '../storage/testing/telemetry-factory';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { SqlTelemetryStore } from '../storage/telemetry/sql-telemetry-store';
import { ClusterSession } from './cluster-session';
import { announceIngestChanges } from './ingest-change-announcer';
import { IngestChangeFeed } from './ingest-change-feed';

const postgresUp = await postgresAvailableOrSkip();
const quiet = () => undefined;

describe.runIf(postgresUp)('the ingest change feed on PostgreSQL', () => {
  let test: TestDatabase;
  let session: ClusterSession;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    session = new ClusterSession(test.databaseUrl!, quiet);
  });
  afterAll(async () => {
    await session?.close();
    await test?.drop();
  });

  it('hands the risk side every newly stored message of two concurrent stores once, and nothing of a redelivery or a rolled-back batch', async () => {
    const before = new SqlTelemetryStore(test.database, announceIngestChanges);
    await before.storeBatch([makeMessage('heartbeat', { terminalId: 'OLD-1', ts: Date.now() - 60_000 })], []);

    // Polling off (an hour): only NOTIFY wakes it.
    const feed = new IngestChangeFeed(test.database.db, session, 3_600_000, quiet);
    const heard: TelemetryMessage[] = [];
    feed.onMessages((messages) => heard.push(...messages));
    await feed.start();

    const a = new SqlTelemetryStore(test.database, announceIngestChanges);
    const b = new SqlTelemetryStore(test.database, announceIngestChanges);
    const base = Date.now() - 30_000;
    const batch = (tid: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        makeMessage('heartbeat', { terminalId: tid, ts: base + i * 1000, seq: i }),
      );
    await Promise.all([a.storeBatch(batch('A-1', 20), []), b.storeBatch(batch('B-1', 20), [])]);
    // A redelivery stores nothing new: nothing to announce.
    await a.storeBatch(batch('A-1', 20), []);
    // A batch whose transaction fails after announcing rolls back with its announcement.
    const failing = new SqlTelemetryStore(test.database, async (run, fresh) => {
      await announceIngestChanges(run, fresh);
      throw new Error('the batch fails after announcing');
    });
    await expect(failing.storeBatch(batch('C-1', 5), [])).rejects.toThrow('fails after announcing');

    await waitFor(() => heard.length >= 40);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await feed.stop();
    expect(heard).toHaveLength(40);
    expect(heard.some((m) => m.terminalId === 'OLD-1' || m.terminalId === 'C-1')).toBe(false);
    const keys = heard.map((m) => `${m.terminalId}:${m.seq}`);
    expect(new Set(keys).size).toBe(40);
    expect(heard.filter((m) => m.terminalId === 'A-1').map((m) => m.seq)).toEqual([...Array(20).keys()]);
    expect(heard[0]).toMatchObject({ channel: 'heartbeat', ts: base });
  });

  it('holds the engine back by the arrival lag of what it reads, as the in-process ingestor does during a backlog', async () => {
    const feed = new IngestChangeFeed(test.database.db, session, 3_600_000, quiet);
    const heard: TelemetryMessage[] = [];
    feed.onMessages((messages) => heard.push(...messages));
    await feed.start();
    expect(feed.position().behindMs).toBe(0);
    const now = Date.now();
    // A broker backlog after a restart: ten-minute-old heartbeats received just now.
    const backlog = Array.from({ length: 30 }, (_, i) =>
      makeMessage('heartbeat', {
        terminalId: 'LAG-1',
        ts: now - 10 * 60_000 + i * 1000,
        seq: i,
        receivedAt: now,
      }),
    );
    await new SqlTelemetryStore(test.database, announceIngestChanges).storeBatch(backlog, []);
    await waitFor(() => heard.length === 30);
    expect(feed.position().behindMs).toBeGreaterThan(9 * 60_000);
    await feed.stop();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
