import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '@fleet/telemetry/protocol/topics';
import {
  mosquittoAvailable,
  startMosquitto,
  type PrivateMosquitto,
} from '../../../../test/support/mosquitto';
import {
  privatePostgresAvailable,
  startPostgres,
  type PrivatePostgres,
} from '../../../../test/support/private-postgres';
import type { Database } from '../storage/database';
import { migrateToLatest } from '../storage/migrations/migrate';
import { openDatabase } from '../storage/open-database';
import { SqlTelemetryStore } from '../storage/telemetry/sql-telemetry-store';
import { startIngest, type IngestHarness } from './testing/ingest-harness';
import { validJson } from './testing/terminal-messages';

const runnable = mosquittoAvailable() && privatePostgresAvailable();
if (!runnable && process.env.CI)
  throw new Error('Mosquitto and PostgreSQL 15 server binaries are required under CI');

const TERMINALS = 4;
const STORED_WITHIN_MS = 60_000;

/**
 * Terminals publishing heartbeats with QoS 1 all along, one every 5 ms in turn; a message
 * counts as acknowledged when its PUBACK arrives, as a terminal would count it.
 */
async function heartbeatStream(url: string, prefix: string) {
  const ids = Array.from({ length: TERMINALS }, (_, i) => `${prefix}${i}`);
  const clients: MqttClient[] = await Promise.all(
    ids.map((id) =>
      mqtt.connectAsync(url, { clientId: id, clean: false, protocolVersion: 4, reconnectPeriod: 0 }),
    ),
  );
  const acked: string[] = [];
  const outstanding = new Set<Promise<unknown>>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let seq = 0;
  const timer = setInterval(() => {
    seq += 1;
    const k = seq % TERMINALS;
    const id = ids[k]!;
    const s = seq;
    const sent = clients[k]!.publishAsync(topicFor(id, 'heartbeat'), validJson('heartbeat', Date.now(), s), {
      qos: 1,
    }).then(() => {
      acked.push(`${id}#${s}`);
      for (const w of waiters.filter((w) => acked.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
    outstanding.add(sent);
    void sent.finally(() => outstanding.delete(sent));
  }, 5);
  return {
    /** Resolves once `more` further messages have been acknowledged. */
    acks: (more: number) =>
      new Promise<void>((resolve) => waiters.push({ count: acked.length + more, resolve })),
    /** Stops publishing; resolves with every acknowledged message once the last PUBACK is in. */
    async stop(): Promise<string[]> {
      clearInterval(timer);
      await Promise.all([...outstanding]);
      await Promise.all(clients.map((c) => c.endAsync()));
      return [...acked];
    },
  };
}

describe.skipIf(!runnable)('ingest through Mosquitto while its PostgreSQL stops and starts', () => {
  let pg: PrivatePostgres;
  let database: Database;
  let broker: PrivateMosquitto;
  let ingest: IngestHarness;

  beforeAll(async () => {
    pg = await startPostgres();
    database = await openDatabase({ databaseUrl: pg.url, dataDir: tmpdir() });
    await migrateToLatest(database);
    broker = await startMosquitto();
    ingest = await startIngest({
      store: new SqlTelemetryStore(database),
      clock: { now: () => Date.now() },
      mqttUrl: broker.url,
      protocolVersion: 5,
      shareGroup: 'pg-stop',
      env: { INGEST_BATCH_SIZE: '50' },
    });
  }, 120_000);

  afterAll(async () => {
    await ingest?.close();
    await broker?.stop();
    await database?.close();
    pg?.destroy();
  });

  const storedOf = async (prefix: string) => {
    const { rows } = await sql<{ key: string }>`select terminal_id || '#' || seq as key from heartbeats
      where terminal_id like ${`${prefix}%`}`.execute(database.db);
    return new Set(rows.map((r) => r.key));
  };

  it.each(['fast', 'immediate'] as const)(
    'stores every message acknowledged to terminals before, during and after a %s stop of PostgreSQL',
    async (mode) => {
      const prefix = `PGSTOP-${mode}-`;
      const stream = await heartbeatStream(broker.url, prefix);
      await stream.acks(100);
      await pg.stop(mode);
      // The broker keeps acknowledging while the database is away; the ingestor must hold them.
      await stream.acks(400);
      await pg.start();
      await stream.acks(200);
      const acked = await stream.stop();
      // Read the table itself until it holds every acknowledged message (a batch retried after
      // the restart may commit late); counting the ingestor's stats raced with that commit.
      const deadline = Date.now() + STORED_WITHIN_MS;
      let stored = await storedOf(prefix);
      while (acked.some((key) => !stored.has(key)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        stored = await storedOf(prefix);
      }
      expect(acked.filter((key) => !stored.has(key))).toEqual([]);
      expect(stored.size).toBe(acked.length);
    },
    180_000,
  );
});
