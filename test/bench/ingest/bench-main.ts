import { sql } from 'kysely';
import { startMosquitto, type PrivateMosquitto } from '../../support/mosquitto';
import {
  createTestDatabase,
  isPostgresReachable,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from '../../../apps/api/src/storage/testing/test-database';
import { RAW_CHANNELS } from '../../../apps/api/src/storage/telemetry/raw-channels';
import { PhaseProbe } from './phase';
import { startCeilingSubscriber } from './phase-ceiling';
import { startNaiveIngestor } from './phase-naive';
import { startPipelineIngestor } from './phase-pipeline';
import { PublisherControl } from './publisher-control';
import type { Workload } from './workload';

/**
 * npm run bench:ingest — end-to-end ingest throughput on this machine: a private Mosquitto
 * (the docker config), a throw-away PostgreSQL database, publishers in a child process,
 * and three subscribers measured one after another with the same publishers:
 * the raw MQTT.js ceiling, the real pipeline (SqlTelemetryStore), and a naive ingestor.
 * Knobs: BENCH_MESSAGES, BENCH_ROUNDS, BENCH_TERMINALS, BENCH_CONNECTIONS, BENCH_WINDOW,
 * BENCH_NAIVE_MESSAGES, BENCH_COMMITS (concurrent batch commits), TEST_POSTGRES_URL.
 */

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
// Rounds long enough to be sustained: with 100k a pipeline round lasts about 2 s, and
// its first ~0.5 s (first batches filling, commits in flight) weighed a quarter of it.
const MESSAGES = env('BENCH_MESSAGES', 500_000);
const NAIVE_MESSAGES = env('BENCH_NAIVE_MESSAGES', 10_000);
const base = {
  terminals: env('BENCH_TERMINALS', 20_000),
  connections: env('BENCH_CONNECTIONS', 16),
  window: env('BENCH_WINDOW', 100),
};
const ROUNDS = env('BENCH_ROUNDS', 2);
const PHASE_TIMEOUT_MS = 60_000;
const RAW_TABLES = Object.values(RAW_CHANNELS).map((spec) => spec.table);

interface PhaseResult {
  done: number;
  sent: number;
  rate: number;
  p99: number;
}

async function runPhase(
  name: string,
  url: string,
  publisher: PublisherControl,
  workload: Workload,
  start: (probe: PhaseProbe) => Promise<() => Promise<void>>,
): Promise<PhaseResult> {
  const probe = new PhaseProbe(workload.total);
  const stop = await start(probe);
  let last = 0;
  const ticker = setInterval(() => {
    console.log(`  ${name}: ${probe.count}/${workload.total} (${probe.count - last} in the last second)`);
    last = probe.count;
  }, 1000);
  try {
    const published = await publisher.publish(url, workload);
    await probe.until(workload.total, PHASE_TIMEOUT_MS);
    const seconds = Math.max(1e-3, (probe.lastAt - published.firstSentAt) / 1000);
    return { done: probe.count, sent: published.sent, rate: probe.count / seconds, p99: probe.p99() };
  } finally {
    clearInterval(ticker);
    await stop();
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const mean = (values: number[]) => sum(values) / Math.max(1, values.length);

async function countRows(testDb: TestDatabase, prefix: string): Promise<number> {
  let total = 0;
  for (const table of RAW_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
      where terminal_id like ${`${prefix}%`}`.execute(testDb.database.db);
    total += rows[0]?.n ?? 0;
  }
  return total;
}

async function main(): Promise<number> {
  if (!(await isPostgresReachable())) {
    console.error(`bench:ingest needs PostgreSQL at ${TEST_POSTGRES_URL} (set TEST_POSTGRES_URL)`);
    return 1;
  }
  console.log(
    `bench:ingest: ${ROUNDS} rounds of ${MESSAGES} messages, ${base.terminals} terminals, ${base.connections} publisher connections`,
  );
  let mosquitto: PrivateMosquitto | undefined;
  let testDb: TestDatabase | undefined;
  let publisher: PublisherControl | undefined;
  try {
    mosquitto = await startMosquitto();
    testDb = await createTestDatabase('postgres');
    publisher = await PublisherControl.start();
    const url = mosquitto.url;
    const database = testDb.database;
    console.log(`mosquitto ${url}, database ${testDb.databaseUrl}`);

    // Ceiling and pipeline alternate for ROUNDS rounds so that load from elsewhere on the
    // machine hits both alike; the summary averages the rounds.
    const ceilings: PhaseResult[] = [];
    const pipelines: PhaseResult[] = [];
    let lost = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      console.log(`round ${round}/${ROUNDS}: raw MQTT.js subscriber (ceiling)`);
      ceilings.push(
        await runPhase(
          'ceiling',
          url,
          publisher,
          { ...base, prefix: `c${round}-`, total: MESSAGES },
          (probe) => startCeilingSubscriber(url, probe),
        ),
      );
      console.log(`round ${round}/${ROUNDS}: ingest pipeline + SqlTelemetryStore`);
      const prefix = `p${round}-`;
      const pipeline = await runPhase(
        'pipeline',
        url,
        publisher,
        { ...base, prefix, total: MESSAGES },
        async (probe) => {
          const ingestor = await startPipelineIngestor(url, database, probe, round);
          return async () => {
            const s = ingestor.metrics.snapshot();
            const meanMs = s.batches ? (ingestor.commitSeconds() / s.batches) * 1000 : 0;
            console.log(
              `  pipeline: ${s.batches} batches, mean ${Math.round(s.received / Math.max(1, s.batches))} messages, mean commit ${meanMs.toFixed(1)} ms`,
            );
            await ingestor.stop();
          };
        },
      );
      pipelines.push(pipeline);
      lost += pipeline.sent - (await countRows(testDb, prefix));
      console.log(
        `  round ${round}: ceiling ${Math.round(ceilings.at(-1)!.rate)} msg/s, pipeline ${Math.round(pipeline.rate)} msg/s`,
      );
    }
    const ceiling = { rate: mean(ceilings.map((r) => r.rate)) };
    const pipeline = {
      rate: mean(pipelines.map((r) => r.rate)),
      p99: Math.max(...pipelines.map((r) => r.p99)),
    };
    console.log('naive one-INSERT-per-message ingestor');
    const naive = await runPhase(
      'naive',
      url,
      publisher,
      { ...base, prefix: 'n', total: NAIVE_MESSAGES },
      (probe) => startNaiveIngestor(url, database, probe),
    );

    const ratio = pipeline.rate / ceiling.rate;
    console.log(
      `pipeline committed ${sum(pipelines.map((r) => r.done))}/${sum(pipelines.map((r) => r.sent))}; naive stored ${naive.done}/${naive.sent}`,
    );
    console.log(
      `ingest: ${Math.round(pipeline.rate)} msg/s end-to-end, lost ${lost}, p99 ${Math.round(pipeline.p99)} ms, ` +
        `ceiling ${Math.round(ceiling.rate)} msg/s, ratio ${ratio.toFixed(2)}, naive ${Math.round(naive.rate)} msg/s`,
    );
    return lost === 0 ? 0 : 1;
  } finally {
    publisher?.stop();
    await testDb
      ?.drop()
      .catch((error: unknown) => console.error(`could not drop the bench database: ${String(error)}`));
    await mosquitto?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:ingest failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
