import { sql } from 'kysely';
import type { Database } from '../../../apps/api/src/storage/database';
import { RAW_CHANNELS } from '../../../apps/api/src/storage/telemetry/raw-channels';
import { startMosquitto } from '../../support/mosquitto';
import { freePort } from '../../support/free-port';
import { startApiProcess, type ApiProcess } from '../../support/api-process';
import type { PublisherControl } from '../ingest/publisher-control';
import type { Workload } from '../ingest/workload';

/**
 * Ingest throughput with `processes` ingest processes (apps/api/dist/main.js,
 * FLEET_ROLES=ingest) sharing one subscription group on a fresh private Mosquitto (so no
 * earlier run's sessions take a share) and one database: messages stored per second,
 * from the first publish to the last row committed.
 */
export interface IngestRun {
  processes: number;
  stored: number;
  msgPerS: number;
}

export interface IngestSetup {
  database: Database;
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
  publisher: PublisherControl;
}

const RAW_TABLES = Object.values(RAW_CHANNELS).map((spec) => spec.table);
const STORE_TIMEOUT_MS = 180_000;

export async function measureIngest(
  setup: IngestSetup,
  processes: number,
  workload: Workload,
): Promise<IngestRun> {
  const broker = await startMosquitto();
  const ingestors: ApiProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      const env = {
        MQTT_URL: broker.url,
        DATABASE_URL: setup.databaseUrl,
        REDIS_URL: setup.redisUrl,
        REDIS_KEY_PREFIX: setup.redisKeyPrefix,
        FLEET_ROLES: 'ingest',
        INGEST_SHARE_GROUP: 'bench-scale',
        FLEET_DEVICE_AUTH: 'off',
        FLEET_ADMIN_USER: 'admin',
        FLEET_ADMIN_PASSWORD: 'bench-scale-admin',
      };
      // Each its own host name, as each container has: ingestors name their MQTT session by it.
      ingestors.push(await startApiProcess(await freePort(), env, `bench-ingest-${workload.prefix}${i}`));
    }
    await Promise.all(ingestors.map(onBroker));
    const publishing = setup.publisher.publish(broker.url, workload);
    const storedAt = await allStored(setup.database, workload);
    const published = await publishing;
    const seconds = (storedAt - published.firstSentAt) / 1000;
    return { processes, stored: workload.total, msgPerS: Math.round(workload.total / seconds) };
  } finally {
    await Promise.all(ingestors.map((p) => p.stop()));
    await broker.stop();
  }
}

/** Health says the ingestor holds its broker connection (and so its subscription). */
async function onBroker(api: ApiProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${api.url}/api/v1/health`)).json()) as {
      broker?: { reachable?: boolean };
    };
    if (health.broker?.reachable) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${api.url} did not reach the broker within 60 s:\n${api.output()}`);
}

/** Polls the raw tables until every message of the workload is a row; returns when. */
async function allStored(database: Database, workload: Workload): Promise<number> {
  const deadline = Date.now() + STORE_TIMEOUT_MS;
  for (;;) {
    const stored = await countRows(database, workload.prefix);
    if (stored >= workload.total) return Date.now();
    if (Date.now() > deadline)
      throw new Error(`only ${stored}/${workload.total} stored after ${STORE_TIMEOUT_MS / 1000} s`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function countRows(database: Database, prefix: string): Promise<number> {
  let total = 0;
  for (const table of RAW_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
      where terminal_id like ${`${prefix}%`}`.execute(database.db);
    total += rows[0]?.n ?? 0;
  }
  return total;
}
