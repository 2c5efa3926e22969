import type { INestApplication } from '@nestjs/common';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedBroker } from '../../broker/embedded-broker';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { createAuthTestApp } from '../testing/auth-test-app';
import { DeviceCredentialsService } from './device-credentials.service';
import { FleetDeviceAuthorizer } from './fleet-device-authorizer';
import { IngestCredentials } from './ingest-credentials';
import { connectDevice } from '../testing/connect-device';

describe('device authorization on the embedded broker (FLEET_DEVICE_AUTH=on)', () => {
  let testDb: TestDatabase;
  let app: { app: INestApplication; close(): Promise<void> };
  let broker: EmbeddedBroker;
  let credentials: DeviceCredentialsService;
  let ingest: IngestCredentials;
  const clients: MqttClient[] = [];
  const open = async (...args: Parameters<typeof connectDevice>) => {
    const client = await connectDevice(...args);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    testDb = await createTestDatabase('embedded');
    app = await createAuthTestApp({ database: testDb.database });
    credentials = app.app.get(DeviceCredentialsService);
    ingest = app.app.get(IngestCredentials);
    broker = await EmbeddedBroker.start({
      port: 0,
      host: '127.0.0.1',
      authorizer: app.app.get(FleetDeviceAuthorizer),
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await broker?.close();
    await app?.close();
    await testDb?.drop();
  });

  it('refuses anonymous clients, unknown terminals, wrong secrets and borrowed usernames', async () => {
    const { password } = await credentials.issue('test', 'T-A');
    await expect(connectDevice(broker.url, 'T-A')).rejects.toThrow(/Not authorized/i);
    await expect(connectDevice(broker.url, 'T-NEW', 'T-NEW', password)).rejects.toThrow(/Not authorized/i);
    await expect(connectDevice(broker.url, 'T-A', 'T-A', `${password}x`)).rejects.toThrow(/Not authorized/i);
    await expect(connectDevice(broker.url, 'T-B', 'T-A', password)).rejects.toThrow(/Not authorized/i);
    await expect(open(broker.url, 'T-A', 'T-A', password)).resolves.toBeDefined();
  });

  it('stops accepting the old secret the moment it is rotated', async () => {
    const old = await credentials.issue('test', 'T-ROT');
    (await connectDevice(broker.url, 'T-ROT', 'T-ROT', old.password)).end(true);
    const fresh = await credentials.issue('test', 'T-ROT');
    await expect(connectDevice(broker.url, 'T-ROT', 'T-ROT', old.password)).rejects.toThrow(
      /Not authorized/i,
    );
    await expect(open(broker.url, 'T-ROT', 'T-ROT', fresh.password)).resolves.toBeDefined();
  });

  it('delivers a terminal’s own topics to the ingestor, never one published into another terminal’s', async () => {
    const a = await credentials.issue('test', 'T-PUB-A');
    await credentials.issue('test', 'T-PUB-B');
    const reader = await open(broker.url, 'ingestor', ingest.username, ingest.password);
    const granted = await reader.subscribeAsync('fleet/v1/+/+', { qos: 1 });
    expect(granted[0]?.qos).toBe(1);
    const received: string[] = [];
    reader.on('message', (topic) => received.push(topic));

    const terminal = await open(broker.url, 'T-PUB-A', 'T-PUB-A', a.password);
    await terminal.publishAsync('fleet/v1/T-PUB-B/heartbeat', '{"forged":true}', { qos: 0 });
    // The forged message is dropped, the terminal stays connected and is heard next.
    const ownArrived = new Promise<string>((resolve) => reader.once('message', (topic) => resolve(topic)));
    await terminal.publishAsync('fleet/v1/T-PUB-A/heartbeat', '{"ok":true}', { qos: 1 });
    expect(await ownArrived).toBe('fleet/v1/T-PUB-A/heartbeat');
    expect(terminal.connected).toBe(true);
    expect(received).not.toContain('fleet/v1/T-PUB-B/heartbeat');
  });

  it('refuses every subscription of a terminal, its own topics included', async () => {
    const { password } = await credentials.issue('test', 'T-SUB');
    const terminal = await open(broker.url, 'T-SUB', 'T-SUB', password);
    const filters = ['fleet/v1/+/+', '#', 'fleet/v1/T-OTHER/#', '$share/g/fleet/v1/+/+', 'fleet/v1/T-SUB/#'];
    for (const filter of filters) {
      // SUBACK 0x80: refused.
      await expect(terminal.subscribeAsync(filter), filter).rejects.toMatchObject({
        packet: { granted: [128] },
      });
    }
    expect(terminal.connected).toBe(true);
  });

  it('does not let the ingestor publish as a terminal', async () => {
    const authorizer = app.app.get(FleetDeviceAuthorizer);
    const asIngest = { clientId: 'ingestor', username: ingest.username };
    expect(await authorizer.authorizePublish(asIngest, 'fleet/v1/T-A/heartbeat')).toBe(false);
    expect(await authorizer.authorizeSubscribe(asIngest, '$share/fleet-ingest/fleet/v1/+/+')).toBe(true);
    expect(await authorizer.authorizeSubscribe(asIngest, '#')).toBe(false);
  });
});

describe('device authorization with FLEET_DEVICE_AUTH=off', () => {
  it('allows anyone anywhere (the demo)', async () => {
    const testDb = await createTestDatabase('embedded');
    const app = await createAuthTestApp({ database: testDb.database, env: { FLEET_DEVICE_AUTH: 'off' } });
    try {
      const authorizer = app.app.get(FleetDeviceAuthorizer);
      const anyone = { clientId: 'T-X' };
      expect(await authorizer.authenticate(anyone, undefined)).toBe(true);
      expect(await authorizer.authorizePublish(anyone, 'fleet/v1/T-Y/heartbeat')).toBe(true);
      expect(await authorizer.authorizeSubscribe(anyone, 'fleet/v1/+/+')).toBe(true);
    } finally {
      await app.close();
      await testDb.drop();
    }
  });
});
