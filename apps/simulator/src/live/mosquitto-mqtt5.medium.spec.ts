import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleet, type Fleet } from '../fleet/build-fleet';
import { Recorder } from '../test-support/recorder';
import { isReachable } from '../test-support/service-reachable';
import { validate } from '../test-support/validate-at';
import { HOUR, localDayStart } from '../time';
import { startFleet, type FleetHandle } from './start-fleet';

const URL = 'mqtt://127.0.0.1:1883';
const reachable = await isReachable('127.0.0.1', 1883);
if (!reachable && process.env.CI) throw new Error(`Mosquitto is not reachable at ${URL} (required when CI is set)`);
if (!reachable) console.warn(`skipping Mosquitto MQTT 5 test: nothing listens at ${URL}`);

/** The machine's Mosquitto with MQTT 5; a unique id prefix keeps runs apart. */
describe.skipIf(!reachable)('startFleet against Mosquitto with MQTT 5', () => {
  const prefix = `SIMT${process.pid}x${Date.now() % 100_000}-`;
  let recorder: Recorder;
  let fleet: Fleet;
  let handle: FleetHandle | undefined;

  beforeAll(async () => {
    recorder = await Recorder.open(URL, 'fleet/v1/+/+', 5);
    fleet = buildFleet({ size: 12, seed: 3, idPrefix: prefix, faultShare: 0, now: localDayStart(Date.now()) + 12 * HOUR });
    handle = await startFleet({ brokerUrl: URL, fleet, protocolVersion: 5, speed: 600, sessionExpiryS: 30 });
  });

  afterAll(async () => {
    await handle?.stop();
    // Leave no retained statuses behind: an empty retained payload clears them.
    for (const row of fleet?.importRows ?? []) await recorder.client.publishAsync(`fleet/v1/${row.terminalId}/status`, '', { retain: true, qos: 1 });
    await recorder?.close();
  });

  it('publishes valid messages over MQTT 5 with a retained online status', async () => {
    const tid = fleet.importRows[0]?.terminalId ?? '';
    await recorder.waitFor((m) => m.topic === `fleet/v1/${tid}/heartbeat`, 'a heartbeat');
    const ours = recorder.messages.filter((m) => m.topic.includes(`/${prefix}`));
    expect(ours.length).toBeGreaterThan(0);
    for (const m of ours) expect(validate(m.topic, m.payload, m.receivedAt).ok, m.payload.toString()).toBe(true);
    const late = await Recorder.open(URL, `fleet/v1/${tid}/status`, 5);
    try {
      expect(late.json(await late.waitFor((m) => m.retain, 'retained status'))).toMatchObject({ online: true });
    } finally {
      await late.close();
    }
  });
});
