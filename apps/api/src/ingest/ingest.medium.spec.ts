import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import mqtt, { type MqttClient } from 'mqtt';
import { CHANNELS, topicFor } from '@fleet/telemetry/protocol/topics';
import {
  mosquittoAvailable,
  startMosquitto,
  type PrivateMosquitto,
} from '../../../../test/support/mosquitto';
import { SqlTelemetryStore } from '../storage/telemetry/sql-telemetry-store';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '../storage/testing/test-database';
import { FlakyTelemetryStore } from './testing/flaky-telemetry-store';
import { startIngest, type IngestHarness } from './testing/ingest-harness';
import { validJson } from './testing/terminal-messages';

const NOW = Date.now();
const clock = { now: () => NOW };
const RAW_TABLE = {
  heartbeat: 'heartbeats',
  signal: 'signal_samples',
  sim: 'sim_samples',
  paper: 'paper_samples',
  txn: 'txn_windows',
  event: 'events',
  status: 'status_changes',
} as const;

const postgresReady = await postgresAvailableOrSkip();
const mosquittoReady = mosquittoAvailable();
if (!mosquittoReady) {
  if (process.env.CI)
    throw new Error('Mosquitto is not installed at /usr/sbin/mosquitto (required under CI)');
  console.warn('Mosquitto is not installed: skipping the Mosquitto ingest tests');
}

interface Flavour {
  name: string;
  broker: 'embedded' | 'mosquitto';
  protocolVersion: 4 | 5;
  database: 'embedded' | 'postgres';
}

const FLAVOURS: Flavour[] = [
  {
    name: 'embedded aedes, MQTT 3.1.1, embedded database',
    broker: 'embedded',
    protocolVersion: 4,
    database: 'embedded',
  },
  {
    name: 'Mosquitto, MQTT 3.1.1, PostgreSQL',
    broker: 'mosquitto',
    protocolVersion: 4,
    database: 'postgres',
  },
  { name: 'Mosquitto, MQTT 5, PostgreSQL', broker: 'mosquitto', protocolVersion: 5, database: 'postgres' },
];

describe.each(FLAVOURS)('ingest through $name', (flavour) => {
  const runnable = flavour.broker === 'embedded' || (mosquittoReady && postgresReady);
  let mosquitto: PrivateMosquitto | undefined;
  let testDb: TestDatabase;
  let store: FlakyTelemetryStore;
  let ingest: IngestHarness;
  const publishers: MqttClient[] = [];
  const prefix = `${flavour.broker}${flavour.protocolVersion}`;

  const boot = () =>
    startIngest({
      store,
      clock,
      mqttUrl: mosquitto?.url,
      protocolVersion: flavour.protocolVersion,
      shareGroup: prefix,
    });

  beforeAll(async () => {
    if (!runnable) return;
    if (flavour.broker === 'mosquitto') mosquitto = await startMosquitto();
    testDb = await createTestDatabase(flavour.database);
    store = new FlakyTelemetryStore(new SqlTelemetryStore(testDb.database));
    ingest = await boot();
  });

  afterAll(async () => {
    await Promise.all(publishers.map((client) => client.endAsync(true)));
    await ingest?.close();
    await testDb?.drop();
    await mosquitto?.stop();
  });

  async function publisher(terminalId: string, extra: mqtt.IClientOptions = {}): Promise<MqttClient> {
    const client = await mqtt.connectAsync(ingest.endpoint.url, {
      clientId: terminalId,
      clean: false,
      protocolVersion: flavour.protocolVersion,
      reconnectPeriod: 0,
      ...extra,
    });
    publishers.push(client);
    return client;
  }

  async function rows(channel: keyof typeof RAW_TABLE, terminalId: string): Promise<number> {
    const { rows: found } = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(RAW_TABLE[channel])}
      where terminal_id = ${terminalId}`.execute(testDb.database.db);
    return found[0]?.n ?? 0;
  }

  it.skipIf(!runnable)('stores valid traffic on all 7 channels', async () => {
    const tid = `${prefix}-all7`;
    const before = ingest.stats();
    const client = await publisher(tid);
    for (const [seq, channel] of CHANNELS.entries()) {
      await client.publishAsync(topicFor(tid, channel), validJson(channel, NOW - 60_000 + seq, seq), {
        qos: 1,
      });
    }
    await ingest.until((s) => s.stored - before.stored >= CHANNELS.length);
    for (const channel of CHANNELS) expect(await rows(channel, tid), channel).toBe(1);
  });

  it.skipIf(!runnable)(
    'stores the retained online status and the Last Will like any other message',
    async () => {
      const tid = `${prefix}-will`;
      const before = ingest.stats();
      const lost = validJson('status', NOW - 1000, 1, { online: false, reason: 'lost' });
      const client = await publisher(tid, {
        will: { topic: topicFor(tid, 'status'), payload: Buffer.from(lost), qos: 1, retain: true },
      });
      await client.publishAsync(topicFor(tid, 'status'), validJson('status', NOW - 2000, 0), {
        qos: 1,
        retain: true,
      });
      client.stream.destroy(); // a lost connection, not a DISCONNECT: the broker publishes the will
      await ingest.until((s) => s.stored - before.stored >= 2);
      const { rows: statuses } = await sql<{ online: boolean; reason: string | null }>`select online, reason
      from status_changes where terminal_id = ${tid} order by seq`.execute(testDb.database.db);
      expect(statuses).toEqual([
        { online: true, reason: null },
        { online: false, reason: 'lost' },
      ]);
    },
  );

  it.skipIf(!runnable)(
    'turns each kind of bad message into a dead letter while valid traffic flows',
    async () => {
      const good = `${prefix}-good`;
      const bad = `${prefix}-bad`;
      const before = ingest.stats();
      const goodClient = await publisher(good);
      const badClient = await publisher(bad);
      const cases: Array<[topic: string, payload: string, reason: string]> = [
        [topicFor(bad, 'paper'), '{"ts": 1, "seq": ', 'bad_json'],
        [
          topicFor(bad, 'heartbeat'),
          validJson('heartbeat', NOW, 1, { intervalS: '60' as unknown as number }),
          'schema',
        ],
        [topicFor(bad, 'signal'), validJson('signal', NOW, 1, { rsrpDbm: 10 }), 'schema'],
        [
          topicFor(bad, 'event'),
          validJson('event', NOW, 1, { detail: 'x'.repeat(5000) }),
          'payload_too_large',
        ],
        [topicFor(bad, 'txn'), validJson('txn', NOW + 3_600_000, 1), 'ts_in_future'],
        [`fleet/v1/${bad}/weather`, validJson('paper', NOW, 1), 'unknown_channel'],
        [`fleet/v1/bad.id!/paper`, validJson('paper', NOW, 1), 'bad_terminal_id'],
      ];
      const sends: Array<Promise<unknown>> = [];
      for (const [i, [topic, payload]] of cases.entries()) {
        sends.push(badClient.publishAsync(topic, payload, { qos: 1 }));
        sends.push(
          goodClient.publishAsync(topicFor(good, 'paper'), validJson('paper', NOW - 10_000 + i, i), {
            qos: 1,
          }),
        );
      }
      await Promise.all(sends);
      await ingest.until(
        (s) => s.stored - before.stored >= cases.length && s.rejected - before.rejected >= cases.length,
      );

      expect(await rows('paper', good)).toBe(cases.length);
      const { rows: letters } = await sql<{
        topic: string;
        reason: string;
        detail: string;
        payload: string;
      }>`select topic,
      reason, detail, payload from dead_letters where topic like ${`fleet/v1/${bad}/%`} or topic = 'fleet/v1/bad.id!/paper'`.execute(
        testDb.database.db,
      );
      const reasonByTopic = Object.fromEntries(letters.map((l) => [l.topic, l.reason]));
      expect(reasonByTopic).toEqual(Object.fromEntries(cases.map(([topic, , reason]) => [topic, reason])));
      const heartbeat = letters.find((l) => l.topic === topicFor(bad, 'heartbeat'));
      expect(heartbeat?.detail).toContain('intervalS');
      const large = letters.find((l) => l.reason === 'payload_too_large');
      expect(large?.payload.length).toBe(2048);
    },
  );

  it.skipIf(!runnable)('stores a duplicate once', async () => {
    const tid = `${prefix}-dup`;
    const before = ingest.stats();
    const client = await publisher(tid);
    const payload = validJson('paper', NOW - 5000, 7, { status: 'low' });
    await client.publishAsync(topicFor(tid, 'paper'), payload, { qos: 1 });
    await client.publishAsync(topicFor(tid, 'paper'), payload, { qos: 1 });
    const after = await ingest.until((s) => s.stored + s.duplicates - before.stored - before.duplicates >= 2);
    expect(after.duplicates - before.duplicates).toBe(1);
    expect(await rows('paper', tid)).toBe(1);
  });

  // The batcher is FIFO: it promises no fairness between terminals, only that a flood
  // loses nothing and other terminals' messages are stored alongside it, each once.
  it.skipIf(!runnable)(
    "stores all 5000 messages of a flood exactly once, and another terminal's beside them",
    async () => {
      const flooder = `${prefix}-flood`;
      const quiet = `${prefix}-quiet`;
      const FLOOD = 5000;
      const before = ingest.stats();
      const floodClient = await publisher(flooder);
      const quietClient = await publisher(quiet);
      const floodSeqs: number[] = [];
      let quietCommitted = 0;
      const off = ingest.ingest.onCommitted(({ messages }) => {
        for (const m of messages) {
          if (m.terminalId === flooder) floodSeqs.push(m.seq);
          if (m.terminalId === quiet) quietCommitted += 1;
        }
      });
      const flood = Array.from({ length: FLOOD }, (_, seq) =>
        floodClient.publishAsync(topicFor(flooder, 'event'), validJson('event', NOW - FLOOD + seq, seq), {
          qos: 1,
        }),
      );
      const calm = Array.from({ length: 5 }, (_, seq) =>
        quietClient.publishAsync(topicFor(quiet, 'heartbeat'), validJson('heartbeat', NOW - 100 + seq, seq), {
          qos: 1,
        }),
      );
      await Promise.all([...flood, ...calm]);
      const after = await ingest.until((s) => s.stored - before.stored >= FLOOD + 5);
      off();
      expect(after.stored - before.stored).toBe(FLOOD + 5);
      expect(after.duplicates - before.duplicates).toBe(0);
      expect([...floodSeqs].sort((x, y) => x - y)).toEqual(Array.from({ length: FLOOD }, (_, seq) => seq));
      expect(quietCommitted).toBe(5);
      expect(await rows('event', flooder)).toBe(FLOOD);
      expect(await rows('heartbeat', quiet)).toBe(5);
    },
  );

  it.skipIf(!runnable)('loses nothing through a database outage mid-stream', async () => {
    const tid = `${prefix}-outage`;
    const before = ingest.stats();
    const failuresBefore = store.failures;
    const client = await publisher(tid);
    const first = Array.from({ length: 100 }, (_, seq) =>
      client.publishAsync(topicFor(tid, 'txn'), validJson('txn', NOW - 1000 + seq, seq), { qos: 1 }),
    );
    await Promise.all(first);
    store.failNext(3);
    const rest = Array.from({ length: 200 }, (_, i) =>
      client.publishAsync(topicFor(tid, 'txn'), validJson('txn', NOW - 800 + i, 100 + i), { qos: 1 }),
    );
    await Promise.all(rest);
    const after = await ingest.until((s) => s.stored - before.stored >= 300);
    expect(store.failures - failuresBefore).toBe(3);
    expect(after.storeErrors - before.storeErrors).toBe(3);
    expect(await rows('txn', tid)).toBe(300);
  });

  // Only an external broker outlives the ingestor, so these two need Mosquitto.
  const withMosquitto = flavour.broker === 'mosquitto' ? it.skipIf(!runnable) : () => undefined;

  withMosquitto(
    'acks nothing before commit: an ingestor that dies while PostgreSQL refuses connections loses nothing',
    async () => {
      const tid = `${prefix}-pgdown`;
      const name = new URL(testDb.databaseUrl as string).pathname.slice(1);
      const client = await publisher(tid);
      await admin(`alter database ${name} allow_connections false`);
      await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
      const failed = store.nextFailure();
      await Promise.all(
        Array.from({ length: 200 }, (_, seq) =>
          client.publishAsync(topicFor(tid, 'sim'), validJson('sim', NOW - 1000 + seq, seq), { qos: 1 }),
        ),
      );
      await failed;
      expect(await rowsWhileDown()).toBe('unreachable');
      await ingest.ingest.stop(0); // dies without committing: nothing may have been acked
      await ingest.close();
      await admin(`alter database ${name} allow_connections true`);
      ingest = await boot();
      await ingest.until((s) => s.stored >= 200);
      expect(await rows('sim', tid)).toBe(200);

      async function rowsWhileDown() {
        return rows('sim', tid).then(
          () => 'reachable',
          () => 'unreachable',
        );
      }
    },
  );

  withMosquitto('receives after a restart what mosquitto_pub sent while the ingestor was down', async () => {
    const tid = `${prefix}-offline`;
    await ingest.close();
    const lines = Array.from({ length: 50 }, (_, seq) => validJson('paper', NOW - 2000 + seq, seq)).join(
      '\n',
    );
    await mosquittoPub(
      mosquitto as PrivateMosquitto,
      flavour.protocolVersion,
      topicFor(tid, 'paper'),
      `${lines}\n`,
    );
    ingest = await boot();
    await ingest.until((s) => s.stored >= 50);
    expect(await rows('paper', tid)).toBe(50);
  });
});

async function admin(statement: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Publishes each stdin line as one QoS 1 message with the real mosquitto_pub CLI. */
function mosquittoPub(broker: PrivateMosquitto, version: 4 | 5, topic: string, stdin: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [
      '-h',
      '127.0.0.1',
      '-p',
      String(broker.port),
      '-q',
      '1',
      '-V',
      version === 5 ? 'mqttv5' : 'mqttv311',
    ];
    const child = spawn('mosquitto_pub', [...args, '-i', `pub-${topic.split('/')[2]}`, '-t', topic, '-l'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`mosquitto_pub exited ${code}: ${stderr}`)),
    );
    child.stdin.end(stdin);
  });
}
