import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import mqtt, { type IConnackPacket, type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { configForTest, MOSQUITTO_BIN, MosquittoUnderTest } from './mosquitto-under-test';
import { loadCompose, readRepoFile } from './repo-files';

/**
 * Starts the real docker/mosquitto/mosquitto.conf (listener and data folder moved) and
 * shows the settings README.md explains: a persistent QoS 1 subscriber that is away
 * gets every message, even across a broker restart, where the defaults drop them.
 */

const available = existsSync(MOSQUITTO_BIN);
if (!available) {
  const why = `${MOSQUITTO_BIN} not found (apt-get install mosquitto)`;
  if (process.env.CI) throw new Error(`mosquitto config test needs ${why}`);
  console.warn(`skipping mosquitto config test: ${why}`);
}

const shipped = readRepoFile('docker/mosquitto/mosquitto.conf');
/** The shipped file with the queue and in-flight limits removed, i.e. Mosquitto's defaults. */
const withDefaultLimits = shipped.replace(
  /^(max_queued_messages|max_queued_bytes|max_inflight_messages) .*$/gm,
  '',
);
// Above Mosquitto's default queue of 1000 messages per client.
const AWAY_MESSAGES = 1500;

const brokers: MosquittoUnderTest[] = [];
afterEach(async () => {
  await Promise.all(brokers.splice(0).map((b) => b.stop()));
});

async function startBroker(config: string): Promise<MosquittoUnderTest> {
  const broker = await MosquittoUnderTest.start((port, dir) => configForTest(config, port, dir));
  brokers.push(broker);
  return broker;
}

const persistentSubscriber = (url: string, clientId: string): MqttClient =>
  mqtt.connect(url, { clientId, clean: false, protocolVersion: 4, reconnectPeriod: 0 });

/**
 * A subscriber joins with a persistent session and leaves; `AWAY_MESSAGES` QoS 1 messages are
 * published; the broker optionally restarts; the subscriber returns. Counts what it receives
 * before a marker published after its return (the broker delivers a session's queue in order).
 */
async function deliveredAfterAbsence(broker: MosquittoUnderTest, restartWhileAway: boolean): Promise<number> {
  const topic = `fleet/v1/T-QUEUE/heartbeat`;
  const clientId = `slow-ingestor-${broker.port}`;
  const first = persistentSubscriber(broker.url, clientId);
  await new Promise((resolve) => first.once('connect', resolve));
  await first.subscribeAsync(topic, { qos: 1 });
  await first.endAsync();

  const publisher = await mqtt.connectAsync(broker.url, {
    clientId: `terminal-${broker.port}`,
    protocolVersion: 4,
  });
  for (let seq = 0; seq < AWAY_MESSAGES; seq += 1)
    await publisher.publishAsync(topic, String(seq), { qos: 1 });
  await publisher.endAsync();
  if (restartWhileAway) await broker.restart();

  const back = persistentSubscriber(broker.url, clientId);
  const received = new Set<string>();
  const markerSeen = new Promise<void>((resolve) =>
    back.on('message', (_topic, payload) => {
      const text = payload.toString();
      if (text === 'marker') resolve();
      else received.add(text);
    }),
  );
  const connack = await new Promise<IConnackPacket>((resolve) => back.once('connect', resolve));
  // Without a resumed session nothing queued can come, and the marker would never arrive either.
  if (!connack.sessionPresent) {
    await back.endAsync();
    throw new Error('the broker forgot the subscriber session (persistence off or lost on restart)');
  }
  const marker = await mqtt.connectAsync(broker.url, {
    clientId: `marker-${broker.port}`,
    protocolVersion: 4,
  });
  await marker.publishAsync(topic, 'marker', { qos: 1 });
  await markerSeen;
  await Promise.all([marker.endAsync(), back.endAsync()]);
  return received.size;
}

describe.skipIf(!available)('docker/mosquitto/mosquitto.conf', () => {
  it('sets unlimited queues for subscribers that lag', () => {
    expect(shipped).toMatch(/^max_queued_messages 0$/m);
    expect(shipped).toMatch(/^max_queued_bytes 0$/m);
    expect(shipped).toMatch(/^persistence true$/m);
  });

  it('starts, and answers the compose healthcheck', async () => {
    const broker = await startBroker(shipped);
    const [kind, command] = loadCompose().services.mosquitto!.healthcheck!.test as string[];
    expect(kind).toBe('CMD-SHELL');
    // Compose unescapes $$ and runs the command inside the container, where the port is 1883.
    const here = command!.replaceAll('$$', '$').replace('-p 1883', `-p ${broker.port}`);
    const { stdout } = await promisify(execFile)('sh', ['-c', here], { timeout: 10_000 });
    expect(stdout).toMatch(/^mosquitto version 2\./);
  });

  it('keeps every QoS 1 message for an absent persistent subscriber, across a restart', async () => {
    const broker = await startBroker(shipped);
    expect(await deliveredAfterAbsence(broker, true)).toBe(AWAY_MESSAGES);
  });

  it('drops messages with the default limits, which is why the config changes them', async () => {
    const broker = await startBroker(withDefaultLimits);
    const delivered = await deliveredAfterAbsence(broker, false);
    expect(delivered).toBeGreaterThanOrEqual(1000);
    expect(delivered).toBeLessThan(AWAY_MESSAGES);
  });
});
