import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { type AuthTestApp, createAuthTestApp } from '../testing/auth-test-app';
import {
  mosquittoAvailableOrSkip,
  type PrivateMosquitto,
  startPrivateMosquitto,
} from '../testing/private-mosquitto';
import { DeviceCredentialsService } from './device-credentials.service';
import { IngestCredentials } from './ingest-credentials';
import { MosquittoAuthFiles } from './mosquitto-auth-files';
import { connectDevice } from '../testing/connect-device';

describe('MosquittoAuthFiles against a real Mosquitto', () => {
  const run = mosquittoAvailableOrSkip();
  let dir: string;
  let testDb: TestDatabase;
  let server: AuthTestApp;
  let broker: PrivateMosquitto;
  let ingest: IngestCredentials;
  const secrets: Record<string, string> = {};
  const clients: MqttClient[] = [];
  const open = async (...args: Parameters<typeof connectDevice>) => {
    const client = await connectDevice(...args);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    if (!run) return;
    dir = await mkdtemp(join(tmpdir(), 'fleet-mosquitto-'));
    testDb = await createTestDatabase('embedded');
    server = await createAuthTestApp({ database: testDb.database });
    const credentials = server.app.get(DeviceCredentialsService);
    for (const id of ['T-M1', 'T-M2']) secrets[id] = (await credentials.issue('test', id)).password;
    ingest = server.app.get(IngestCredentials);
    const files = await server.app.get(MosquittoAuthFiles).write(dir, ingest);
    broker = await startPrivateMosquitto(dir, files.passwordFile, files.aclFile);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await broker?.stop();
    await server?.close();
    await testDb?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes owner-only files with hashes, not secrets', async (ctx) => {
    if (!run) return ctx.skip();
    const passwd = await readFile(join(dir, 'mosquitto.passwd'), 'utf8');
    expect(passwd).toMatch(/^T-M1:\$7\$101\$/m);
    expect(passwd).not.toContain(secrets['T-M1']);
    expect((await stat(join(dir, 'mosquitto.passwd'))).mode & 0o077).toBe(0);
  });

  it('refuses anonymous and wrong secrets, accepts the right one', async (ctx) => {
    if (!run) return ctx.skip();
    await expect(connectDevice(broker.url, 'T-M1')).rejects.toThrow(/Not authorized/i);
    await expect(connectDevice(broker.url, 'T-M1', 'T-M1', 'wrong')).rejects.toThrow(/Not authorized/i);
    await expect(open(broker.url, 'T-M1', 'T-M1', secrets['T-M1'])).resolves.toBeDefined();
  });

  it('does not deliver what a terminal publishes into another terminal’s topic', async (ctx) => {
    if (!run) return ctx.skip();
    const reader = await open(broker.url, 'ingestor', ingest.username, ingest.password);
    await reader.subscribeAsync('fleet/v1/+/+', { qos: 1 });
    const received: string[] = [];
    reader.on('message', (topic) => received.push(topic));
    const m1 = await open(broker.url, 'T-M1-pub', 'T-M1', secrets['T-M1']);
    // Mosquitto acknowledges a denied QoS 1 publish but drops it; the next one proves order.
    await m1.publishAsync('fleet/v1/T-M2/heartbeat', '{"forged":true}', { qos: 1 });
    const own = new Promise<string>((resolve) => reader.once('message', (topic) => resolve(topic)));
    await m1.publishAsync('fleet/v1/T-M1/heartbeat', '{"ok":true}', { qos: 1 });
    expect(await own).toBe('fleet/v1/T-M1/heartbeat');
    expect(received).toEqual(['fleet/v1/T-M1/heartbeat']);
  });

  it('gives a terminal on the fleet wildcard nothing but its own topics', async (ctx) => {
    if (!run) return ctx.skip();
    // Mosquitto 2.0 grants the SUBSCRIBE, then its per-message read check withholds every
    // message outside the terminal's subtree (the embedded broker refuses it at SUBACK).
    const m2 = await open(broker.url, 'T-M2', 'T-M2', secrets['T-M2']);
    await m2.subscribeAsync('fleet/v1/+/+', { qos: 1 });
    const received: string[] = [];
    m2.on('message', (topic) => received.push(topic));
    const m1 = await open(broker.url, 'T-M1-wild', 'T-M1', secrets['T-M1']);
    await m1.publishAsync('fleet/v1/T-M1/paper', '{"status":"ok"}', { qos: 1 });
    const own = new Promise<string>((resolve) => m2.once('message', (topic) => resolve(topic)));
    await m2.publishAsync('fleet/v1/T-M2/paper', '{"status":"ok"}', { qos: 1 });
    expect(await own).toBe('fleet/v1/T-M2/paper');
    expect(received).toEqual(['fleet/v1/T-M2/paper']);
  });

  it('takes a rotated secret after a reload: the old one stops working', async (ctx) => {
    if (!run) return ctx.skip();
    const rotated = await server.app.get(DeviceCredentialsService).issue('test', 'T-M2');
    await server.app.get(MosquittoAuthFiles).write(dir, ingest);
    broker.reload();
    // SIGHUP is asynchronous; the new secret connecting proves the reload happened.
    await expect
      .poll(() =>
        connectDevice(broker.url, 'T-M2b', 'T-M2', rotated.password)
          .then((c) => c.endAsync(true))
          .then(
            () => true,
            () => false,
          ),
      )
      .toBe(true);
    await expect(connectDevice(broker.url, 'T-M2c', 'T-M2', secrets['T-M2'])).rejects.toThrow(
      /Not authorized/i,
    );
  });
});
