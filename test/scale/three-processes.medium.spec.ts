import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { postgresAvailableOrSkip } from '../../apps/api/src/storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../../apps/api/src/storage/testing/test-database';
import { mosquittoAvailable, startMosquitto, type PrivateMosquitto } from '../support/mosquitto';
import {
  fleetView,
  importTerminals,
  mapView,
  publishAll,
  storedPoints,
  type FleetView,
} from './support/fleet-api';
import { builtPlatformMissing, startPlatformProcess, type PlatformProcess } from './support/platform-process';
import { paperRunningOut, troubledFleet } from './support/scenario';

/**
 * Issue #15 on real engines: the BUILT platform as separate processes (two ingest, one risk,
 * HTTP on all) on the machine's PostgreSQL and a real Mosquitto, against the single process
 * of `npm start` fed the same scenario on its own database and broker.
 */

const postgresUp = await postgresAvailableOrSkip();
const missing = builtPlatformMissing() ?? (mosquittoAvailable() ? undefined : 'Mosquitto is not installed');
if (missing !== undefined && process.env.CI) throw new Error(missing);
if (missing !== undefined) console.warn(`${missing}: skipping the several-processes test`);

const OUTAGE_SIZE = 30;
const AT_RISK_SIZE = OUTAGE_SIZE + 6 + 4;
const FAILOVER_LIMIT_MS = 30_000;

/** Polls `read` until `done` holds of its value; returns that value, or the last one at the deadline. */
async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await read();
  }
  return value;
}

/** The status a websocket upgrade to socket.io gets. */
function upgradeStatus(platform: PlatformProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL('/socket.io/?EIO=4&transport=websocket', platform.baseUrl);
    const request = httpRequest(url, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'c2NhbGUtdGVzdC1rZXktMTI=',
      },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

const ingestReceived = async (platform: PlatformProcess) =>
  ((await (await fetch(`${platform.baseUrl}/api/v1/health`)).json()) as { ingest: { received: number } })
    .ingest.received;

describe.skipIf(!postgresUp || missing !== undefined)(
  'three processes (two ingest, one risk, HTTP on all)',
  () => {
    let singleBroker: PrivateMosquitto;
    let clusterBroker: PrivateMosquitto;
    let singleDb: TestDatabase;
    let clusterDb: TestDatabase;
    let single: PlatformProcess;
    let risk: PlatformProcess;
    let ingestA: PlatformProcess;
    let ingestB: PlatformProcess;
    let standby: PlatformProcess | undefined;
    let reference: FleetView;
    const all = () => [single, risk, ingestA, ingestB, standby].filter((p): p is PlatformProcess => !!p);

    beforeAll(async () => {
      [singleBroker, clusterBroker] = await Promise.all([startMosquitto(), startMosquitto()]);
      [singleDb, clusterDb] = await Promise.all([
        createTestDatabase('postgres'),
        createTestDatabase('postgres'),
      ]);
      const cluster = { databaseUrl: clusterDb.databaseUrl!, mqttUrl: clusterBroker.url };
      single = await startPlatformProcess('single', {
        databaseUrl: singleDb.databaseUrl!,
        mqttUrl: singleBroker.url,
      });
      risk = await startPlatformProcess('risk', { ...cluster, roles: 'risk,http' });
      [ingestA, ingestB] = await Promise.all([
        startPlatformProcess('ingest-a', { ...cluster, roles: 'ingest,http' }),
        startPlatformProcess('ingest-b', { ...cluster, roles: 'ingest,http' }),
      ]);
    }, 180_000);

    afterAll(async () => {
      await Promise.all(all().map((p) => p.stop()));
      await Promise.all([singleDb?.drop(), clusterDb?.drop()]);
      await Promise.all([singleBroker?.stop(), clusterBroker?.stop()]);
    });

    it('serves, from every process, the at-risk list and incidents the single process serves for the same scenario', async () => {
      const scenario = troubledFleet('T', Date.now());
      await Promise.all([
        importTerminals(single, scenario.terminals),
        importTerminals(ingestA, scenario.terminals),
      ]);
      await Promise.all([
        publishAll(singleBroker.url, scenario.messages),
        publishAll(clusterBroker.url, scenario.messages),
      ]);
      reference = await eventually(
        () => fleetView(single, 'T'),
        (v) => v.atRisk.length === AT_RISK_SIZE && v.incidents.length === 1,
        60_000,
      );
      expect(reference.atRisk).toHaveLength(AT_RISK_SIZE);
      expect(reference.incidents).toEqual([
        // One carrier's cell in the one region every terminal was imported in.
        expect.objectContaining({
          code: 'CARRIER_OUTAGE',
          terminalCount: OUTAGE_SIZE,
          mccMnc: '46099',
          region: 'Beijing',
        }),
      ]);
      for (const platform of [ingestA, ingestB, risk]) {
        const view = await eventually(
          () => fleetView(platform, 'T'),
          (v) => JSON.stringify(v) === JSON.stringify(reference),
          30_000,
        );
        expect(view, `as served by ${platform.name}`).toEqual(reference);
      }
      // The broker's shared subscription really split the scenario between the two ingestors.
      const [a, b] = await Promise.all([ingestReceived(ingestA), ingestReceived(ingestB)]);
      expect(a + b).toBe(scenario.messages.length);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      expect(await ingestReceived(risk)).toBe(0);
    }, 150_000);

    it('stores each terminal’s online state and score as the single process does, whichever ingestor got its Last Will', async () => {
      // The shared subscription may hand a terminal's Will to the ingestor that did not get its newest heartbeat.
      const singleStored = await storedPoints(single, 'T');
      expect(singleStored.filter((p) => p.online === 0)).toHaveLength(OUTAGE_SIZE);
      const clusterStored = await eventually(
        () => storedPoints(risk, 'T'),
        (v) => JSON.stringify(v) === JSON.stringify(singleStored),
        30_000,
      );
      expect(clusterStored).toEqual(singleStored);
    }, 60_000);

    it('keeps every process’s fleet map current with the database, whichever process ingested or judged each terminal', async () => {
      // The database's view, read by the list endpoint (no snapshot in between).
      const stored = await storedPoints(risk, 'T');
      expect(stored.filter((p) => p.riskScore > 0).length).toBeGreaterThan(0);
      const maps = [];
      for (const platform of [ingestA, ingestB, risk]) {
        const view = await eventually(
          () => mapView(platform, 'T'),
          (v) => JSON.stringify(v.map(({ topCause: _, ...p }) => p)) === JSON.stringify(stored),
          30_000,
        );
        expect(
          view.map(({ topCause: _, ...p }) => p),
          `the map as served by ${platform.name}`,
        ).toEqual(stored);
        maps.push(view);
      }
      expect(maps[1]).toEqual(maps[0]);
      expect(maps[2]).toEqual(maps[0]);
    }, 120_000);

    it('kill -9 of the risk process: a standby without the http role (probes only, no API nor sockets) takes its partitions within 30 s and the at-risk list is whole again, nothing lost', async () => {
      // Without the http role: it answers its probes, not the API nor live sockets.
      standby = await startPlatformProcess('standby', {
        databaseUrl: clusterDb.databaseUrl!,
        mqttUrl: clusterBroker.url,
        roles: 'risk',
      });
      expect(standby.logged(/took \d+ risk partitions/)).toEqual([]);
      expect((await fetch(`${standby.baseUrl}/api/v1/terminals/at-risk`)).status).toBe(404);
      expect(await upgradeStatus(standby)).toBe(404);
      // A process with the role hands the upgrade to socket.io, which judges the handshake itself.
      expect(await upgradeStatus(ingestA)).not.toBe(404);
      const late = paperRunningOut('T', Date.now(), 5);
      await importTerminals(ingestA, late.terminals);

      const killedAt = Date.now();
      await risk.kill();
      // Published while nobody judges the fleet: the standby must still see it.
      await publishAll(clusterBroker.url, late.messages);
      const took = await eventually(
        async () => standby!.logged(/took 64 risk partitions/),
        (lines) => lines.length > 0,
        FAILOVER_LIMIT_MS,
      );
      expect(took, standby.output().slice(-3000)).toHaveLength(1);

      const lateIds = late.terminals.map((t) => String(t.terminalId).replace('T-', ''));
      const view = await eventually(
        () => fleetView(ingestB, 'T'),
        (v) =>
          lateIds.every((id) => v.atRisk.some((i) => i.terminalId === id && i.causes.includes('PAPER_OUT'))),
        Math.max(1, killedAt + FAILOVER_LIMIT_MS - Date.now()),
      );
      expect(Date.now() - killedAt).toBeLessThan(FAILOVER_LIMIT_MS);
      expect(view.atRisk.filter((i) => lateIds.includes(i.terminalId)).map((i) => i.causes)).toEqual(
        lateIds.map(() => ['PAPER_OUT']),
      );
      // Everything judged before the kill is still there, and the outage is the same incident.
      expect(view.atRisk.filter((i) => !lateIds.includes(i.terminalId))).toEqual(reference.atRisk);
      expect(view.incidents).toEqual(reference.incidents);
    }, 120_000);

    it('runs a scheduled job (the rollups) once per time slot across the processes, not once in each', async () => {
      const cluster = [ingestA, ingestB, risk, standby!];
      const slots = cluster.flatMap((p) =>
        p
          .logged(/scheduled job rollups running \(slot \d+\)/)
          .map((line) => Number(/slot (\d+)/.exec(line)![1])),
      );
      expect(slots.length).toBeGreaterThan(0);
      expect(new Set(slots).size).toBe(slots.length);
      const { rows } = await sql<{ slot: string }>`
      select slot from scheduled_job_runs where job = 'rollups' order by slot`.execute(clusterDb.database.db);
      expect(rows.map((r) => Number(r.slot))).toEqual([...slots].sort((x, y) => x - y));
    });
  },
);
