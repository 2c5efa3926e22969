import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import mqtt, { type IConnackPacket, type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { provisionAccounts, TEST_INGEST } from './broker-accounts';
import { configForTest, DYNSEC_ADMIN, MOSQUITTO_BIN, MosquittoUnderTest } from './mosquitto-under-test';
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

const TERMINAL = { id: 'T-QUEUE', password: 'queue-terminal-secret' };

/** The shipped config (or a variant), with the accounts the platform would write. */
async function startBroker(config: string): Promise<MosquittoUnderTest> {
  const broker = await MosquittoUnderTest.start((paths) => configForTest(config, paths));
  brokers.push(broker);
  await provisionAccounts(broker, { [TERMINAL.id]: TERMINAL.password });
  return broker;
}

const persistentSubscriber = (url: string, clientId: string): MqttClient =>
  mqtt.connect(url, { ...TEST_INGEST, clientId, clean: false, protocolVersion: 4, reconnectPeriod: 0 });

const terminal = (url: string) =>
  mqtt.connectAsync(url, {
    clientId: TERMINAL.id,
    username: TERMINAL.id,
    password: TERMINAL.password,
    protocolVersion: 4,
    reconnectPeriod: 0,
  });

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

  const publisher = await terminal(broker.url);
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
  const marker = await terminal(broker.url);
  await marker.publishAsync(topic, 'marker', { qos: 1 });
  await markerSeen;
  await Promise.all([marker.endAsync(), back.endAsync()]);
  return received.size;
}

describe.skipIf(!available)('docker/mosquitto/mosquitto.conf', () => {
  it('sets unlimited queues for subscribers that lag', () => {
    expect(Number(/^max_queued_messages (\d+)$/m.exec(shipped)?.[1])).toBeGreaterThanOrEqual(1e9);
    expect(shipped).toMatch(/^max_queued_bytes 0$/m);
    expect(shipped).toMatch(/^persistence true$/m);
  });

  it('starts, and answers the compose healthcheck', async () => {
    const broker = await startBroker(shipped);
    const [kind, command] = loadCompose().services.mosquitto!.healthcheck!.test as string[];
    expect(kind).toBe('CMD-SHELL');
    // Compose unescapes $$ and runs the command inside the container, where the port is 1883
    // and the admin login is in the environment.
    const here = command!.replaceAll('$$', '$').replace('-p 1883', `-p ${broker.port}`);
    const env = {
      PATH: process.env.PATH,
      MQTT_DYNSEC_USER: DYNSEC_ADMIN.username,
      MQTT_DYNSEC_PASSWORD: DYNSEC_ADMIN.password,
    };
    const { stdout } = await promisify(execFile)('sh', ['-c', here], { timeout: 10_000, env });
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
