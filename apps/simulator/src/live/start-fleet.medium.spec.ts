import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleet, type Fleet } from '../fleet/build-fleet';
import { startAedes, type TestBroker } from '../test-support/aedes-broker';
import { Recorder } from '../test-support/recorder';
import { validate } from '../test-support/validate-at';
import { HOUR, localDayStart } from '../time';
import { BrokerUnreachableError, startFleet, type FleetHandle } from './start-fleet';

/** Live fleet against the embedded broker (aedes, MQTT 3.1.1), at 600× speed (an hour in 6 s). */
describe('startFleet against aedes', () => {
  let broker: TestBroker;
  let recorder: Recorder;
  let fleet: Fleet;
  let handle: FleetHandle | undefined;

  beforeAll(async () => {
    broker = await startAedes();
    recorder = await Recorder.open(broker.url, 'fleet/v1/#');
    // Noon in China, so shops are open whatever the wall clock says.
    fleet = buildFleet({ size: 40, seed: 5, faultShare: 0.5, now: localDayStart(Date.now()) + 12 * HOUR, carrierOutage: false });
    handle = await startFleet({ brokerUrl: broker.url, fleet, speed: 600, rampPerSecond: 200 });
  });

  afterAll(async () => {
    await handle?.stop();
    await recorder?.close();
    await broker?.close();
  });

  const healthyId = () => fleet.labels.find((l) => l.faults.every((f) => f.hardNegative || f.kind === 'host_maintenance'))?.terminalId ?? '';

  it('publishes valid protocol v1 messages on every channel', async () => {
    const tid = healthyId();
    for (const channel of ['heartbeat', 'signal', 'paper', 'status']) {
      await recorder.waitFor((m) => m.topic === `fleet/v1/${tid}/${channel}`, `${channel} from ${tid}`);
    }
    await recorder.waitFor((m) => m.topic.endsWith('/txn'), 'a txn report');
    for (const m of recorder.messages) {
      const result = validate(m.topic, m.payload, m.receivedAt);
      expect(result.ok, `${m.topic} ${m.payload.toString()}`).toBe(true);
    }
    expect(handle?.stats().published).toBeGreaterThan(40);
    expect(handle?.stats().connected).toBeGreaterThan(20);
  });

  it('keeps a retained {"online":true} status for a connected terminal', async () => {
    const tid = healthyId();
    await recorder.waitFor((m) => m.topic === `fleet/v1/${tid}/status`, 'online status');
    const late = await Recorder.open(broker.url, `fleet/v1/${tid}/status`);
    try {
      const retained = await late.waitFor((m) => m.retain, 'retained status');
      expect(late.json(retained)).toMatchObject({ online: true });
    } finally {
      await late.close();
    }
  });

  it('publishes the Last Will when a terminal link dies (fault and broker-side kill)', async () => {
    const lost = fleet.labels.find((l) => l.faults.some((f) => f.kind === 'connection_lost'))?.terminalId ?? '';
    const will = await recorder.waitFor((m) => m.topic === `fleet/v1/${lost}/status` && m.payload.includes('"lost"'), `Last Will of ${lost}`);
    expect(recorder.json(will)).toMatchObject({ online: false, reason: 'lost' });

    const tid = healthyId();
    expect(broker.killClient(tid)).toBe(true);
    const killed = await recorder.waitFor((m) => m.topic === `fleet/v1/${tid}/status` && m.payload.includes('"lost"'), `Last Will of ${tid}`);
    expect(recorder.json(killed)).toMatchObject({ online: false, reason: 'lost' });
  });

  it('shuts every session down cleanly on stop(): no terminal is left retained as online', async () => {
    await handle?.stop();
    handle = undefined;
    const withStatus = new Set(recorder.messages.filter((m) => m.topic.endsWith('/status')).map((m) => m.topic));
    const late = await Recorder.open(broker.url, 'fleet/v1/+/status');
    try {
      await late.waitFor(() => late.messages.length >= withStatus.size, `${withStatus.size} retained statuses`);
      const online = late.messages.filter((m) => late.json(m).online === true).map((m) => m.topic);
      expect(online).toEqual([]);
      expect(late.messages.some((m) => late.json(m).reason === 'shutdown')).toBe(true);
    } finally {
      await late.close();
    }
  });
});

describe('startFleet with no broker', () => {
  it('fails with one clear error', async () => {
    const fleet = buildFleet({ size: 3, seed: 1, now: localDayStart(Date.now()) + 12 * HOUR });
    await expect(startFleet({ brokerUrl: 'mqtt://127.0.0.1:1', fleet, connectTimeoutMs: 3000 })).rejects.toThrow(BrokerUnreachableError);
  });
});
