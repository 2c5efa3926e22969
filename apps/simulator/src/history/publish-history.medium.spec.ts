import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleet } from '../fleet/build-fleet';
import { BrokerUnreachableError } from '../live/start-fleet';
import { startAedes, type TestBroker } from '../test-support/aedes-broker';
import { Recorder } from '../test-support/recorder';
import { HOUR } from '../time';
import { generateHistory } from './generate-history';
import { publishHistory } from './publish-history';

describe('publishHistory against aedes', () => {
  let broker: TestBroker;
  beforeAll(async () => {
    broker = await startAedes();
  });
  afterAll(async () => broker?.close());

  it('delivers every message of a backfill, in order, reporting progress', async () => {
    const now = Date.now();
    const fleet = buildFleet({ size: 10, seed: 2, now });
    const messages = [...generateHistory({ fleet, from: now - 6 * HOUR, to: now })];
    const recorder = await Recorder.open(broker.url, 'fleet/v1/#');
    const progress: number[] = [];
    const result = await publishHistory({ brokerUrl: broker.url, messages, maxInFlight: 50, onProgress: (p) => progress.push(p.published), progressIntervalMs: 50 });
    expect(result).toMatchObject({ published: messages.length, errors: 0 });
    expect(progress.at(-1)).toBe(messages.length);
    await recorder.waitFor(() => recorder.messages.length >= messages.length, `${messages.length} messages`);
    expect(recorder.messages.map((m) => m.topic)).toEqual(messages.map((m) => m.topic));
    await recorder.close();
  });

  it('fails with one clear error when the broker is unreachable', async () => {
    await expect(publishHistory({ brokerUrl: 'mqtt://127.0.0.1:1', messages: [] })).rejects.toThrow(BrokerUnreachableError);
  });
});
