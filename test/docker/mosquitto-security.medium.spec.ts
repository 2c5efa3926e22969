import { existsSync, readFileSync } from 'node:fs';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthTestApp, createAuthTestApp } from '../../apps/api/src/auth/testing/auth-test-app';
import { callJson, loginToken } from '../../apps/api/src/auth/testing/http-client';
import { createTestDatabase, type TestDatabase } from '../../apps/api/src/storage/testing/test-database';
import { TEST_INGEST } from './broker-accounts';
import { grantedQos } from './granted-qos';
import { configForTest, DYNSEC_ADMIN, MOSQUITTO_BIN, MosquittoUnderTest } from './mosquitto-under-test';
import { readRepoFile } from './repo-files';

/**
 * The compose file's security, on this machine's real Mosquitto: the shipped config and
 * start script, with the accounts the platform itself writes (MQTT_DYNSEC_USER) when it
 * starts and when an admin issues a terminal's secret over HTTP.
 */

const available = existsSync(MOSQUITTO_BIN);
if (!available && process.env.CI) throw new Error(`${MOSQUITTO_BIN} is required under CI`);

const ADMIN = { username: 'sec-admin', password: 'security-admin-pass' };
const SHARE = '$share/fleet-ingest/fleet/v1/+/+';

describe.skipIf(!available)('Mosquitto with the platform’s accounts (compose configuration)', () => {
  let broker: MosquittoUnderTest;
  let testDb: TestDatabase;
  let server: AuthTestApp;
  let token: string;
  const secrets: Record<string, string> = {};
  const clients: MqttClient[] = [];

  const platformEnv = () => ({
    FLEET_ADMIN_USER: ADMIN.username,
    FLEET_ADMIN_PASSWORD: ADMIN.password,
    MQTT_URL: `mqtt://${TEST_INGEST.username}:${TEST_INGEST.password}@127.0.0.1:${broker.port}`,
    MQTT_DYNSEC_USER: DYNSEC_ADMIN.username,
    MQTT_DYNSEC_PASSWORD: DYNSEC_ADMIN.password,
  });

  /** Connects and resolves with the client, or rejects with the broker's refusal. */
  const connect = (options: IClientOptions, url = broker.url): Promise<MqttClient> => {
    const client = mqtt.connect(url, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      ...options,
    });
    clients.push(client);
    return new Promise((resolve, reject) => {
      client.once('connect', () => resolve(client));
      client.once('error', reject);
    });
  };
  const asTerminal = (id: string, extra: IClientOptions = {}) =>
    connect({ clientId: id, username: id, password: secrets[id], ...extra });
  const asIngestor = (clientId: string) => connect({ clientId, ...TEST_INGEST });
  const issue = async (terminalId: string) => {
    const reply = await callJson(server.baseUrl, 'POST', `/terminals/${terminalId}/credentials`, { token });
    expect(reply.status).toBe(201);
    return reply.body.password as string;
  };

  beforeAll(async () => {
    broker = await MosquittoUnderTest.start((paths) =>
      configForTest(readRepoFile('docker/mosquitto/mosquitto.conf'), paths),
    );
    testDb = await createTestDatabase('embedded');
    server = await createAuthTestApp({ database: testDb.database, env: platformEnv() });
    token = await loginToken(server.baseUrl, ADMIN.username, ADMIN.password);
    for (const id of ['T-SEC1', 'T-SEC2']) secrets[id] = await issue(id);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await server?.close();
    await testDb?.drop();
    await broker?.stop();
  });

  it('refuses anonymous clients, on MQTT 3.1.1 and 5', async () => {
    await expect(connect({ clientId: 'anon4' })).rejects.toThrow(/not authori[sz]ed/i);
    await expect(connect({ clientId: 'anon5', protocolVersion: 5 })).rejects.toThrow(/not authori[sz]ed/i);
  });

  it('refuses a wrong secret, an unknown terminal and another terminal’s secret', async () => {
    await expect(connect({ clientId: 'T-SEC1', username: 'T-SEC1', password: 'wrong' })).rejects.toThrow(
      /not authori[sz]ed/i,
    );
    await expect(
      connect({ clientId: 'T-NONE', username: 'T-NONE', password: secrets['T-SEC1'] }),
    ).rejects.toThrow(/not authori[sz]ed/i);
    await expect(
      connect({ clientId: 'T-SEC1', username: 'T-SEC1', password: secrets['T-SEC2'] }),
    ).rejects.toThrow(/not authori[sz]ed/i);
  });

  it('refuses a terminal that connects under another client id (no session takeover)', async () => {
    await expect(asTerminal('T-SEC1', { clientId: 'T-SEC2' })).rejects.toThrow(
      /not authori[sz]ed|identifier/i,
    );
  });

  it('accepts the issued secret on the plain and the TLS listener', async () => {
    await expect(asTerminal('T-SEC1')).resolves.toBeDefined();
    const tls = await connect(
      {
        clientId: 'T-SEC2',
        username: 'T-SEC2',
        password: secrets['T-SEC2'],
        ca: readFileSync(broker.certFile),
      },
      broker.tlsUrl,
    );
    expect(tls.connected).toBe(true);
  });

  it('drops what a terminal publishes as another, keeps it connected, and delivers its own telemetry', async () => {
    const ingestor = await asIngestor('ingest-delivery');
    expect(await grantedQos(ingestor, SHARE)).toBe(1);
    const received: string[] = [];
    ingestor.on('message', (topic, payload) => received.push(`${topic} ${payload.toString()}`));
    const t1 = await asTerminal('T-SEC1');
    await t1.publishAsync('fleet/v1/T-SEC2/heartbeat', 'forged', { qos: 1 });
    const t2v5 = await asTerminal('T-SEC2', { protocolVersion: 5 });
    // MQTT 5 says why: PUBACK reason code 0x87, not authorized.
    const ack = new Promise<number | undefined>((resolve) =>
      t2v5.publish('fleet/v1/T-SEC1/heartbeat', 'forged5', { qos: 1 }, (_error, packet) =>
        resolve((packet as { reasonCode?: number } | undefined)?.reasonCode),
      ),
    );
    expect(await ack).toBe(0x87);
    // Messages of one publisher arrive in order: once its own one is in, the forged one is not coming.
    const own = new Promise<void>((resolve) =>
      ingestor.on('message', (topic) => topic.includes('T-SEC1') && resolve()),
    );
    // Both publish again on the same connections (reconnecting is off): neither was dropped.
    await t2v5.publishAsync('fleet/v1/T-SEC2/heartbeat', 'own2', { qos: 1 });
    await t1.publishAsync('fleet/v1/T-SEC1/heartbeat', 'own', { qos: 1 });
    await own;
    expect(received.sort()).toEqual(['fleet/v1/T-SEC1/heartbeat own', 'fleet/v1/T-SEC2/heartbeat own2']);
  });

  it('refuses every subscription of a terminal, the fleet wildcard and the ingestor’s share group included', async () => {
    const t2 = await asTerminal('T-SEC2');
    for (const topic of [
      'fleet/v1/#',
      'fleet/v1/+/+',
      SHARE,
      '$share/fleet-ingest/fleet/v1/#',
      'fleet/v1/T-SEC2/#',
      '#',
    ]) {
      expect(await grantedQos(t2, topic), topic).toBe(128);
    }
  });

  it('lets nobody but the ingestor read the fleet, not even the broker admin', async () => {
    const admin = await connect({ clientId: 'dynsec-reader', ...DYNSEC_ADMIN });
    expect(await grantedQos(admin, 'fleet/v1/#')).toBe(128);
    expect(await grantedQos(admin, '#')).toBe(128);
    const ingestor = await asIngestor('ingest-reader');
    expect(await grantedQos(ingestor, 'fleet/v1/#')).toBe(1);
    expect(await grantedQos(ingestor, '$share/another-group/fleet/v1/#')).toBe(128);
  });

  it('takes a rotated secret at once and refuses the old one, without a restart or reload', async () => {
    const old = secrets['T-SEC2']!;
    const rotated = await issue('T-SEC2');
    await expect(
      connect({ clientId: 'T-SEC2', username: 'T-SEC2', password: rotated }),
    ).resolves.toBeDefined();
    await expect(connect({ clientId: 'T-SEC2', username: 'T-SEC2', password: old })).rejects.toThrow(
      /not authori[sz]ed/i,
    );
    secrets['T-SEC2'] = rotated;
  });

  it('keeps every account when the platform starts again over the same broker', async () => {
    const again = await createAuthTestApp({ database: testDb.database, env: platformEnv() });
    try {
      await expect(asTerminal('T-SEC1')).resolves.toBeDefined();
      const ingestor = await asIngestor('ingest-after-restart');
      expect(await grantedQos(ingestor, SHARE)).toBe(1);
    } finally {
      await again.close();
    }
  });
});
