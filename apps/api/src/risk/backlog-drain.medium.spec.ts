import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '@fleet/telemetry/protocol/topics';
import { IncidentsService } from '../incidents/incidents.service';
import { validPayload } from '../ingest/testing/terminal-messages';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { startRiskPlatform, type RiskPlatform } from './testing/risk-test-platform';

const MIN = 60_000;
const ALL = { kind: 'all' } as const;
const ids = Array.from({ length: 40 }, (_, i) => `BL-${String(i).padStart(2, '0')}`);
const postgresUp = await postgresAvailableOrSkip();

/**
 * A healthy fleet whose last 10 minutes arrive late, in bulk and in time order (an
 * ingestor restarting into a broker backlog, a carrier's terminals flushing their stores).
 * Until a terminal's backlog has arrived it looks silent at the wall clock.
 */
describe.runIf(postgresUp)('a backlog drain', () => {
  let test: TestDatabase;
  let platform: RiskPlatform;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    platform = await startRiskPlatform({ database: test.database, risk: { sweepIntervalMs: 3_600_000 } });
  });
  afterAll(async () => {
    await platform?.close();
    await test?.drop();
  });

  it('puts no terminal at risk and raises no incident while it is still arriving, and says the platform is behind', async () => {
    const now = Date.now();
    const client = await mqtt.connectAsync(platform.brokerUrl, { protocolVersion: 4, clientId: 'backlog' });
    const send = (tid: string, ts: number, seq: number) =>
      client.publishAsync(topicFor(tid, 'heartbeat'), JSON.stringify(validPayload('heartbeat', ts, seq)), {
        qos: 1,
      });
    // The backlog's start: the hour before, one carrier.
    for (const tid of ids) {
      await client.publishAsync(
        topicFor(tid, 'signal'),
        JSON.stringify(validPayload('signal', now - 60 * MIN, 0, { mccMnc: '46055' })),
        { qos: 1 },
      );
      for (let m = 60; m >= 10; m -= 5) await send(tid, now - m * MIN, 100 - m);
    }
    // Then its last ten minutes, minute by minute across the fleet, slowly enough that
    // sweeps fall inside it: at each, most terminals look silent at the wall clock.
    let behindSeen = 0;
    const judged: string[] = [];
    const sweeps = (async () => {
      for (let minute = 9; minute >= 0; minute--) {
        await Promise.all(ids.map((tid) => send(tid, now - minute * MIN, 200 - minute)));
        await new Promise((resolve) => setTimeout(resolve, 150));
        behindSeen = Math.max(behindSeen, platform.stats().behindSeconds);
        await platform.risk.sweep();
        await platform.risk.settled();
        const atRisk = (await platform.risk.atRisk(ALL, { limit: 100 })).items;
        judged.push(...atRisk.map((i) => `${i.terminalId} ${i.causes.map((c) => c.code).join(',')}`));
      }
    })();
    await sweeps;
    await client.endAsync();

    expect(behindSeen).toBeGreaterThanOrEqual(4 * 60);
    expect(judged).toEqual([]);
    const incidents = await platform.app.get(IncidentsService).list(ALL, { status: 'all', limit: 10 });
    expect(incidents.items).toEqual([]);
    await platform.caughtUp();
    expect(platform.stats()).toMatchObject({ behindSeconds: 0, catchingUp: false });
  });
});
