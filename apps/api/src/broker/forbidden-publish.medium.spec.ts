import type { INestApplication } from '@nestjs/common';
import mqtt, { type MqttClient } from 'mqtt';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceCredentialsService } from '../auth/device/device-credentials.service';
import { FleetDeviceAuthorizer } from '../auth/device/fleet-device-authorizer';
import { createAuthTestApp } from '../auth/testing/auth-test-app';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { FORBIDDEN_SINK_TOPIC } from './aedes-hooks';
import { EmbeddedBroker } from './embedded-broker';

/** A terminal with a persistent session (clean=false), as terminals connect by PROTOCOL.md §1. */
function connectPersistent(
  url: string,
  id: string,
  password: string,
  outgoingStore?: mqtt.Store,
): Promise<MqttClient> {
  const client = mqtt.connect(url, {
    clientId: id,
    username: id,
    password,
    clean: false,
    reconnectPeriod: 0,
    protocolVersion: 4,
    connectTimeout: 5000,
    outgoingStore,
  });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}

async function forbiddenCount(registry: Registry): Promise<number> {
  const metric = await registry.getSingleMetric('fleet_broker_forbidden_total')?.get();
  return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
}

describe('a publish outside the terminal’s own topics (embedded broker, device auth on)', () => {
  let testDb: TestDatabase;
  let app: { app: INestApplication; close(): Promise<void> };
  let broker: EmbeddedBroker;
  let credentials: DeviceCredentialsService;
  let reader: MqttClient;
  const received: string[] = [];
  const registry = new Registry();
  const clients: MqttClient[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    app = await createAuthTestApp({ database: testDb.database });
    credentials = app.app.get(DeviceCredentialsService);
    broker = await EmbeddedBroker.start({
      port: 0,
      host: '127.0.0.1',
      authorizer: app.app.get(FleetDeviceAuthorizer),
      metrics: registry,
    });
    // The platform's own client may read everything, $SYS/ included: it would see a leak.
    const { username, password } = broker.internalCredentials;
    reader = await mqtt.connectAsync(broker.url, {
      clientId: 'platform-reader',
      username,
      password,
      reconnectPeriod: 0,
    });
    await reader.subscribeAsync(['fleet/v1/+/+', '$SYS/#'], { qos: 1 });
    reader.on('message', (topic) => received.push(topic));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await reader?.endAsync(true);
    await broker?.close();
    await app?.close();
    await testDb?.drop();
  });

  /** The next terminal topic the platform hears (aedes' own $SYS/ announcements are skipped). */
  const heardNext = () =>
    new Promise<string>((resolve) => {
      const onMessage = (topic: string) => {
        if (!topic.startsWith('fleet/')) return;
        reader.off('message', onMessage);
        resolve(topic);
      };
      reader.on('message', onMessage);
    });
  const leaked = () =>
    received.filter((t) => t === FORBIDDEN_SINK_TOPIC || t === '$SYS/broker/uptime' || t.includes('T-FB'));

  it('is acknowledged (PUBACK), counted, delivered to nobody, and the terminal is heard next', async () => {
    const { password } = await credentials.issue('test', 'T-FA');
    await credentials.issue('test', 'T-FB');
    const terminal = await connectPersistent(broker.url, 'T-FA', password);
    clients.push(terminal);
    const before = await forbiddenCount(registry);

    const fromBroker: string[] = [];
    terminal.on('packetreceive', (packet) => fromBroker.push(packet.cmd));
    await terminal.publishAsync('fleet/v1/T-FB/txn', '{"forged":true}', { qos: 1 });
    expect(fromBroker).toEqual(['puback']);
    expect(await forbiddenCount(registry)).toBe(before + 1);
    expect(terminal.connected).toBe(true);

    const next = heardNext();
    await terminal.publishAsync('fleet/v1/T-FA/txn', '{"ok":true}', { qos: 1 });
    expect(await next).toBe('fleet/v1/T-FA/txn');
    expect(received).not.toContain('fleet/v1/T-FB/txn');
    expect(leaked()).toEqual([]);
  });

  it('completes the QoS 2 handshake for a forbidden message and drops it', async () => {
    const { password } = await credentials.issue('test', 'T-FQ2');
    const terminal = await connectPersistent(broker.url, 'T-FQ2', password);
    clients.push(terminal);
    const fromBroker: string[] = [];
    terminal.on('packetreceive', (packet) => fromBroker.push(packet.cmd));
    await terminal.publishAsync('fleet/v1/T-FB/txn', '{"forged":true}', { qos: 2 });
    expect(fromBroker).toEqual(['pubrec', 'pubcomp']);
    const next = heardNext();
    await terminal.publishAsync('fleet/v1/T-FQ2/txn', '{"ok":true}', { qos: 1 });
    expect(await next).toBe('fleet/v1/T-FQ2/txn');
    expect(received).not.toContain('fleet/v1/T-FB/txn');
  });

  it('acks and drops a $SYS/ publish the same way', async () => {
    const { password } = await credentials.issue('test', 'T-FS');
    const terminal = await connectPersistent(broker.url, 'T-FS', password);
    clients.push(terminal);
    const before = await forbiddenCount(registry);
    await terminal.publishAsync('$SYS/broker/uptime', 'x', { qos: 1 });
    expect(await forbiddenCount(registry)).toBe(before + 1);
    const next = heardNext();
    await terminal.publishAsync('fleet/v1/T-FS/heartbeat', '{}', { qos: 1 });
    expect(await next).toBe('fleet/v1/T-FS/heartbeat');
    expect(leaked()).toEqual([]);
  });

  it('hears a terminal reconnecting (clean=false) with an unacked forbidden QoS 1 message in its outgoing store', async () => {
    const { password } = await credentials.issue('test', 'T-FR');
    const store = new mqtt.Store();
    // What a terminal holds after losing its link before the PUBACK: MQTT.js resends it first on connect.
    await new Promise<void>((resolve, reject) =>
      store.put(
        {
          cmd: 'publish',
          topic: 'fleet/v1/T-FB/txn',
          payload: Buffer.from('{"stuck":true}'),
          qos: 1,
          messageId: 7,
          retain: false,
          dup: false,
        },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    const before = await forbiddenCount(registry);
    const terminal = await connectPersistent(broker.url, 'T-FR', password, store);
    clients.push(terminal);
    await expect.poll(() => forbiddenCount(registry)).toBe(before + 1);
    await expect
      .poll(
        () =>
          new Promise((resolve) =>
            store.get({ messageId: 7 } as never, (error) => resolve(error ? 'gone' : 'held')),
          ),
      )
      .toBe('gone');

    const next = heardNext();
    await terminal.publishAsync('fleet/v1/T-FR/txn', '{"ok":true}', { qos: 1 });
    expect(await next).toBe('fleet/v1/T-FR/txn');
    expect(terminal.connected).toBe(true);
    expect(received).not.toContain('fleet/v1/T-FB/txn');
  });
});
