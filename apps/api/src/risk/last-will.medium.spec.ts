import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '@fleet/telemetry/protocol/topics';
import {
  mosquittoAvailable,
  startMosquitto,
  type PrivateMosquitto,
} from '../../../../test/support/mosquitto';
import { IncidentsService } from '../incidents/incidents.service';
import { validPayload } from '../ingest/testing/terminal-messages';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { startRiskPlatform, type RiskPlatform } from './testing/risk-test-platform';

const MIN = 60_000;
const TERMINALS = 30;
/** Exactly the Last Will of PROTOCOL.md §1: no ts, no seq. */
const WILL = '{"online":false,"reason":"lost"}';
const MOSQUITTO_PUB = '/usr/bin/mosquitto_pub';
const ALL = { kind: 'all' } as const;
const postgresUp = await postgresAvailableOrSkip();

/**
 * A terminal as firmware does it: the real mosquitto_pub client, connected with the Will
 * registered, publishing heartbeats from its stdin until it is killed.
 */
async function connectTerminal(url: URL, tid: string, version: 'mqttv311' | 'mqttv5'): Promise<ChildProcess> {
  const client = spawn(
    MOSQUITTO_PUB,
    [
      ...['-h', url.hostname, '-p', url.port, '-V', version, '-i', `will-${tid}`, '-q', '1', '-k', '30'],
      ...['-t', topicFor(tid, 'heartbeat'), '-l'],
      ...[
        '--will-topic',
        topicFor(tid, 'status'),
        '--will-payload',
        WILL,
        '--will-qos',
        '1',
        '--will-retain',
      ],
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  client.stdin!.write(`${JSON.stringify(validPayload('heartbeat', Date.now(), 100))}\n`);
  return client;
}

async function killAbruptly(client: ChildProcess): Promise<void> {
  if (client.exitCode !== null) throw new Error(`mosquitto_pub exited early (${client.exitCode})`);
  const exited = once(client, 'exit');
  client.kill('SIGKILL');
  await exited;
}

const paths = [
  { name: 'the embedded broker, MQTT 3.1.1', external: false, version: 'mqttv311' },
  { name: 'Mosquitto, MQTT 3.1.1', external: true, version: 'mqttv311' },
  { name: 'Mosquitto, MQTT 5', external: true, version: 'mqttv5' },
] as const;

describe.runIf(postgresUp && mosquittoAvailable())('the Last Will exactly as PROTOCOL.md shows it', () => {
  describe.each(paths)('through $name', ({ external, version }) => {
    let test: TestDatabase;
    let mosquitto: PrivateMosquitto | undefined;
    let platform: RiskPlatform;
    let brokerUrl: URL;
    const ids = Array.from({ length: TERMINALS }, (_, i) => `WILL-${String(i).padStart(2, '0')}`);

    beforeAll(async () => {
      test = await createTestDatabase('postgres');
      if (external) mosquitto = await startMosquitto();
      platform = await startRiskPlatform({
        database: test.database,
        env: mosquitto ? { MQTT_URL: mosquitto.url } : {},
      });
      brokerUrl = new URL(platform.brokerUrl);
    });
    afterAll(async () => {
      await platform?.close();
      await mosquitto?.stop();
      await test?.drop();
    });

    it('stores it, takes the terminals offline, and turns 30 dropping together into one incident within 30 s', async () => {
      // An hour of normal life on one carrier, through an ordinary client.
      const now = Date.now();
      const history = mqtt.connect(brokerUrl.href, { protocolVersion: 4, clientId: 'will-history' });
      let sent = 0;
      for (const tid of ids) {
        await history.publishAsync(
          topicFor(tid, 'signal'),
          JSON.stringify(validPayload('signal', now - 10 * MIN, 1, { mccMnc: '46077' })),
          { qos: 1 },
        );
        for (let m = 60; m >= 2; m -= 2) {
          await history.publishAsync(
            topicFor(tid, 'heartbeat'),
            JSON.stringify(validPayload('heartbeat', now - m * MIN, 100 - m)),
            { qos: 1 },
          );
          sent++;
        }
        sent++;
      }
      await history.endAsync();

      const before = platform.stats();
      const terminals = await Promise.all(ids.map((tid) => connectTerminal(brokerUrl, tid, version)));
      await platform.ingested(sent + TERMINALS);
      for (const tid of ids) expect(await platform.terminals.findState(tid)).toMatchObject({ online: true });
      const rejectedBefore = before.rejected;

      const killedAt = Date.now();
      await Promise.all(terminals.map(killAbruptly));
      const afterWills = await platform.ingested(sent + 2 * TERMINALS);
      expect(afterWills.rejected).toBe(rejectedBefore);
      for (const tid of ids) {
        expect(await platform.terminals.findState(tid)).toMatchObject({
          online: false,
          onlineReason: 'lost',
        });
      }

      const incidents = platform.app.get(IncidentsService);
      let open = await incidents.list(ALL, { status: 'open', limit: 10 });
      while (open.items.length === 0 && Date.now() - killedAt < 30_000) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        open = await incidents.list(ALL, { status: 'open', limit: 10 });
      }
      expect(open.items).toHaveLength(1);
      expect(open.items[0]).toMatchObject({
        code: 'CARRIER_OUTAGE',
        mccMnc: '46077',
        terminalCount: TERMINALS,
      });
      expect((await incidents.get(open.items[0]!.id, ALL)).memberIds).toEqual(ids);
    });
  });
});
