import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
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
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { startIngest, type IngestHarness } from './testing/ingest-harness';
import { validJson, validPayload } from './testing/terminal-messages';

/**
 * Property: through a real Mosquitto, the real ingest pipeline and a real PostgreSQL, every
 * message the ingestor receives is either stored (or recognised as already stored) or
 * dead-lettered with a reason, and valid traffic of another terminal published meanwhile is
 * all stored. FUZZ_RUNS sets the number of runs (CI keeps the default, well under 60 s).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const postgresReady = await postgresAvailableOrSkip();
const mosquittoReady = mosquittoAvailable();
if (!mosquittoReady && process.env.CI) throw new Error('Mosquitto is required under CI');
const runnable = postgresReady && mosquittoReady;

// MQTT forbids + and # and NUL in a published topic; the broker would drop the connection,
// so the fuzz keeps to what a terminal can legally publish, odd characters included.
const segment = fc.oneof(
  fc.constantFrom('', '..', '$SYS', '*', ' ', 'é', 'a b', 'x'.repeat(70), 'bad.id!', '💳'),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
);
const channel = fc.oneof(
  fc.constantFrom(...CHANNELS),
  fc.constantFrom('weather', 'HEARTBEAT', '', 'status '),
);

const nearValid = fc
  .record({
    channel: fc.constantFrom(...CHANNELS),
    field: fc.string({ maxLength: 12 }),
    value: fc.anything(),
  })
  .map(({ channel: c, field, value }) => {
    const base = validPayload(c, Date.now() - 1000, 0) as Record<string, unknown>;
    return JSON.stringify({ ...base, [field]: value }, (_k, v: unknown) =>
      typeof v === 'bigint' ? String(v) : v,
    );
  });
const payload = fc.oneof(
  fc.constantFrom(...CHANNELS).map((c) => validJson(c, Date.now() - 2000, 0)),
  nearValid,
  fc.json(),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.nat({ max: 7000 }).map((n) => 'x'.repeat(n)), // past the 4 KiB protocol cap, under the broker's 8 KiB
  fc.constantFrom('null', '[]', '{"ts":"now","seq":-1}', '{"ts":1e300,"seq":1.5}', ''),
);

interface Fuzzed {
  topic: string;
  payload: string | Buffer;
}

describe.skipIf(!runnable)('fuzzed payloads and topics through Mosquitto into PostgreSQL', () => {
  let mosquitto: PrivateMosquitto;
  let testDb: TestDatabase;
  let ingest: IngestHarness;
  let fuzzer: MqttClient;
  let neighbour: MqttClient;

  beforeAll(async () => {
    mosquitto = await startMosquitto();
    testDb = await createTestDatabase('postgres');
    ingest = await startIngest({
      store: new SqlTelemetryStore(testDb.database),
      clock: { now: () => Date.now() },
      mqttUrl: mosquitto.url,
      protocolVersion: 5,
      shareGroup: 'fuzz',
    });
    const connect = (clientId: string) =>
      mqtt.connectAsync(mosquitto.url, { clientId, clean: false, protocolVersion: 5, reconnectPeriod: 0 });
    fuzzer = await connect('fuzz-terminal');
    neighbour = await connect('fuzz-neighbour');
  });

  afterAll(async () => {
    await fuzzer?.endAsync(true);
    await neighbour?.endAsync(true);
    await ingest?.close();
    await testDb?.drop();
    await mosquitto?.stop();
  });

  it('stores or dead-letters every message with a reason, and stores the neighbour’s valid traffic meanwhile', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            topic: fc.oneof(
              fc.tuple(segment, channel).map(([t, c]) => `fleet/v1/${t}/${c}`),
              fc.constantFrom(...CHANNELS).map((c) => topicFor('fuzz-neighbour', c)), // another terminal's topic
            ),
            payload,
          }),
          { minLength: 1, maxLength: 20 },
        ),
        async (messages: Fuzzed[]) => {
          run += 1;
          const before = ingest.stats();
          const lettersBefore = await deadLetterCount();
          const neighbourSeqs = messages.map((_, i) => run * 100 + i);
          await Promise.all([
            ...messages.map((m) => fuzzer.publishAsync(m.topic, m.payload, { qos: 1 })),
            ...neighbourSeqs.map((seq) =>
              neighbour.publishAsync(
                topicFor('fuzz-ok', 'paper'),
                validJson('paper', Date.now() - 5000, seq),
                { qos: 1 },
              ),
            ),
          ]);
          const expected = messages.length + neighbourSeqs.length;
          const after = await withinSeconds(10, () =>
            ingest.until((s) => accounted(s) - accounted(before) >= expected),
          );
          expect(accounted(after) - accounted(before)).toBe(expected);
          const letters = (await deadLetterCount()) - lettersBefore;
          expect(letters).toBe(after.rejected - before.rejected);
          const { rows: reasonless } = await sql<{ n: number }>`select count(*)::int n from dead_letters
            where reason = '' or detail = ''`.execute(testDb.database.db);
          expect(reasonless[0]?.n).toBe(0);
          const { rows: stored } = await sql<{ n: number }>`select count(*)::int n from paper_samples
            where terminal_id = 'fuzz-ok' and seq = any(${neighbourSeqs})`.execute(testDb.database.db);
          expect(stored[0]?.n).toBe(neighbourSeqs.length);
        },
      ),
      { numRuns: RUNS },
    );
  }, 60_000);

  const accounted = (s: { stored: number; duplicates: number; rejected: number }) =>
    s.stored + s.duplicates + s.rejected;

  async function deadLetterCount(): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*)::int n from dead_letters`.execute(
      testDb.database.db,
    );
    return rows[0]?.n ?? 0;
  }
});

function withinSeconds<T>(seconds: number, work: () => Promise<T>): Promise<T> {
  return Promise.race([
    work(),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`not every message was accounted for within ${seconds} s`)),
        seconds * 1000,
      ),
    ),
  ]);
}
