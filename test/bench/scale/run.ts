import {
  createTestDatabase,
  isPostgresReachable,
  TEST_POSTGRES_URL,
} from '../../../apps/api/src/storage/testing/test-database';
import { dropKeys, TEST_REDIS_URL, testKeyPrefix } from '../../../apps/api/src/redis/testing/test-redis';
import { startApiProcess } from '../../support/api-process';
import { freePort } from '../../support/free-port';
import { startMosquitto } from '../../support/mosquitto';
import { runBench } from '../bench-runner';
import { PublisherControl } from '../ingest/publisher-control';
import type { Workload } from '../ingest/workload';
import { measureConnectionScale, type ConnectionScale, type Storm } from './connection-scale';
import { measureIngest } from './ingest-throughput';
import { measureFailover, measureSweepHttpP99 } from './optional-parts';
import { openFileLimit } from './process-memory';

/**
 * npm run bench:scale — the platform as several processes on this machine's PostgreSQL and
 * Redis: ingest throughput with one and two ingest processes (INGEST_SHARE_GROUP) on one
 * broker and database; 20,000 terminals each on its own MQTT connection (60 s heartbeats)
 * held by the embedded broker and by Mosquitto, with the broker's memory for them, and all
 * of them reconnecting at once, then again each within a spread (BENCH_STORM_SPREAD_S);
 * risk failover and HTTP p99 during a sweep (optional-parts.ts).
 * Knobs: BENCH_SCALE_MESSAGES, BENCH_SCALE_CONNECTIONS, BENCH_STORM_SPREAD_S,
 * TEST_POSTGRES_URL, TEST_REDIS_URL.
 */

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const MESSAGES = env('BENCH_SCALE_MESSAGES', 200_000);
const TARGET_CONNECTIONS = 20_000;
// The broker needs one file per connection plus its own (database, listeners): the hard
// limit on open files (20,000 on the build machines, not raisable there) caps what one holds.
const CONNECTIONS = env('BENCH_SCALE_CONNECTIONS', Math.min(TARGET_CONNECTIONS, openFileLimit() - 500));
/** The window within which each terminal's firmware picks its moment to reconnect after the drop. */
const STORM_SPREAD_MS = env('BENCH_STORM_SPREAD_S', 5) * 1000;
/** Which parts to run, comma-separated: ingest, connections, risk (failover and sweep). */
const PARTS = new Set((process.env.BENCH_SCALE_PARTS ?? 'ingest,connections,risk').split(','));
const MB = 1024 * 1024;

type Cleanups = Array<() => Promise<void>>;

void runBench('scale', 1_800_000, async (cleanups) => {
  if (!(await isPostgresReachable())) throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}`);
  const ingest = PARTS.has('ingest') ? await ingestPart(cleanups) : undefined;
  const connections = PARTS.has('connections') ? await connectionsPart(cleanups) : undefined;
  const risk = PARTS.has('risk') ? await riskPart(cleanups) : {};
  const na = 'n/a';
  console.log(
    `scale: ingest 1p ${ingest?.one ?? na} msg/s 2p ${ingest?.two ?? na} msg/s, ` +
      `failover ${risk.failoverS?.toFixed(1) ?? na} s, http p99 during sweep ${risk.sweepOffLoopMs ?? na} ms, ` +
      `20k conns ${connections?.memoryMb.toFixed(0) ?? na} MB, reconnect storm ${connections?.stormS.toFixed(1) ?? na} s`,
  );
});

async function newDatabase(cleanups: Cleanups) {
  const db = await createTestDatabase('postgres');
  cleanups.push(() => db.drop());
  return db;
}

/** One, then two ingest processes on one share group, each phase on a fresh broker, one database. */
async function ingestPart(cleanups: Cleanups): Promise<{ one: number; two: number }> {
  const redisKeyPrefix = testKeyPrefix();
  cleanups.push(() => dropKeys(redisKeyPrefix));
  const ingestDb = await newDatabase(cleanups);
  const publisher = await PublisherControl.start();
  cleanups.push(async () => publisher.stop());
  const setup = {
    database: ingestDb.database,
    databaseUrl: ingestDb.databaseUrl!,
    redisUrl: TEST_REDIS_URL,
    redisKeyPrefix,
    publisher,
  };
  const workload = (prefix: string): Workload => ({
    prefix,
    total: MESSAGES,
    terminals: 20_000,
    connections: 16,
    window: 100,
  });
  const one = await measureIngest(setup, 1, workload('SC1P'));
  console.log(`  ingest, 1 process: ${one.msgPerS} msg/s (${one.stored} stored)`);
  const two = await measureIngest(setup, 2, workload('SC2P'));
  console.log(`  ingest, 2 processes: ${two.msgPerS} msg/s (${two.stored} stored)`);
  return { one: one.msgPerS, two: two.msgPerS };
}

/** The embedded broker (inside the platform's process), then a private Mosquitto. */
async function connectionsPart(cleanups: Cleanups): Promise<{ memoryMb: number; stormS: number }> {
  const connectionsDb = await newDatabase(cleanups);
  const mqttPort = await freePort();
  const embedded = await startApiProcess(await freePort(), {
    MQTT_PORT: String(mqttPort),
    DATABASE_URL: connectionsDb.databaseUrl!,
    FLEET_DEVICE_AUTH: 'off',
    FLEET_ADMIN_USER: 'admin',
    FLEET_ADMIN_PASSWORD: 'bench-scale-admin',
  });
  cleanups.push(() => embedded.stop());
  const onEmbedded = await measureConnectionScale(
    embedded.pid,
    mqttPort,
    CONNECTIONS,
    'SCE',
    STORM_SPREAD_MS,
  );
  report('embedded broker', onEmbedded);
  await embedded.stop();
  const mosquitto = await startMosquitto();
  cleanups.push(() => mosquitto.stop());
  const onMosquitto = await measureConnectionScale(
    mosquitto.pid,
    mosquitto.port,
    CONNECTIONS,
    'SCM',
    STORM_SPREAD_MS,
  );
  report('Mosquitto', onMosquitto);
  await mosquitto.stop();
  // The worse of the two brokers, each scaled to 20,000 connections when fewer could be held here.
  const both = [onEmbedded, onMosquitto];
  return {
    memoryMb: Math.max(...both.map((r) => ((r.brokerDeltaBytes / r.connected) * TARGET_CONNECTIONS) / MB)),
    stormS: Math.max(...both.map((r) => r.spread.seconds)),
  };
}

/** Failover and HTTP p99 during a sweep, from optional-parts.ts: n/a until their files are here. */
async function riskPart(cleanups: Cleanups): Promise<{ failoverS?: number; sweepOffLoopMs?: number }> {
  if (!measureFailover || !measureSweepHttpP99) {
    console.log(
      '  failover and sweep latency: n/a (test/bench/scale/failover.ts, sweep-latency.ts not in this tree)',
    );
    return {};
  }
  const broker = await startMosquitto();
  cleanups.push(() => broker.stop());
  const failoverDb = await newDatabase(cleanups);
  const { seconds } = await measureFailover({
    databaseUrl: failoverDb.databaseUrl!,
    mqttUrl: broker.url,
    log,
  });
  const sweepDb = await newDatabase(cleanups);
  const sweep = await measureSweepHttpP99({ databaseUrl: sweepDb.databaseUrl!, log });
  console.log(
    `  risk failover ${seconds.toFixed(1)} s; http p99 during a 100k sweep: on the loop ${Math.round(sweep.onLoopMs)} ms, off it ${Math.round(sweep.offLoopMs)} ms`,
  );
  return { failoverS: seconds, sweepOffLoopMs: Math.round(sweep.offLoopMs) };
}

function log(line: string): void {
  console.log(`  ${line}`);
}

function storm(s: Storm): string {
  return `${s.seconds.toFixed(1)} s (${s.retries} retried, ${s.listenOverflows} accept-queue overflows)`;
}

function report(broker: string, r: ConnectionScale): void {
  const perConnectionKb = r.brokerDeltaBytes / r.connected / 1024;
  console.log(
    `  ${broker}: ${r.connected} connections held, RSS +${(r.brokerDeltaBytes / MB).toFixed(1)} MB ` +
      `(${perConnectionKb.toFixed(1)} KB each, ${((perConnectionKb * TARGET_CONNECTIONS) / 1024).toFixed(0)} MB for 20k), ` +
      `reconnect storm: within a ${STORM_SPREAD_MS / 1000} s spread all back in ${storm(r.spread)}, all at once ${storm(r.atOnce)}; ` +
      `${r.holdRetries} retried while building up; ` +
      `client processes' RSS ${(r.clientBytes / MB).toFixed(0)} MB (apart)`,
  );
}
