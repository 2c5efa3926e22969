import { existsSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceCredentialsService } from '../../apps/api/src/auth/device/device-credentials.service';
import { dynsecConfigFile } from '../../apps/api/src/auth/device/mosquitto/dynsec-config-file';
import { writeDynsecFile } from '../../apps/api/src/auth/device/mosquitto/write-dynsec-file';
import { type AuthTestApp, createAuthTestApp } from '../../apps/api/src/auth/testing/auth-test-app';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createTestDatabase, type TestDatabase } from '../../apps/api/src/storage/testing/test-database';
import { TEST_INGEST } from './broker-accounts';
import { grantedQos } from './granted-qos';
import { configForTest, DYNSEC_ADMIN, MOSQUITTO_BIN, MosquittoUnderTest } from './mosquitto-under-test';
import { readRepoFile } from './repo-files';

/**
 * `npm run broker:dynsec-file`: the platform writes Mosquitto's whole dynamic-security file
 * from its stored hashes, and the shipped broker started on it knows every account.
 */
const available = existsSync(MOSQUITTO_BIN);
if (!available && process.env.CI) throw new Error(`${MOSQUITTO_BIN} is required under CI`);

describe.skipIf(!available)('the dynamic-security file written from the platform’s database', () => {
  let testDb: TestDatabase;
  let server: AuthTestApp;
  let broker: MosquittoUnderTest;
  const secrets: Record<string, string> = {};
  const clients: MqttClient[] = [];
  let written = 0;

  const connect = (options: IClientOptions): Promise<MqttClient> => {
    const client = mqtt.connect(broker.url, { protocolVersion: 4, reconnectPeriod: 0, ...options });
    clients.push(client);
    return new Promise((resolve, reject) => {
      client.once('connect', () => resolve(client));
      client.once('error', reject);
    });
  };

  beforeAll(async () => {
    testDb = await createTestDatabase('embedded');
    // The platform without a broker attached: secrets issued while Mosquitto was not there.
    server = await createAuthTestApp({ database: testDb.database });
    for (const id of ['T-FILE-1', 'T-FILE-2', 'T-FILE-3']) {
      secrets[id] = (await server.app.get(DeviceCredentialsService).issue('test', id)).password;
    }
    const config = loadConfig({
      MQTT_URL: `mqtt://${TEST_INGEST.username}:${TEST_INGEST.password}@mosquitto:1883`,
      MQTT_DYNSEC_USER: DYNSEC_ADMIN.username,
      MQTT_DYNSEC_PASSWORD: DYNSEC_ADMIN.password,
    });
    broker = await MosquittoUnderTest.start(
      (paths) => configForTest(readRepoFile('docker/mosquitto/mosquitto.conf'), paths),
      async (dir) => {
        written = await writeDynsecFile(config, testDb.database, join(dir, 'dynamic-security.json'));
      },
    );
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await broker?.stop();
    await server?.close();
    await testDb?.drop();
  });

  it('holds every terminal with a secret', () => {
    expect(written).toBe(3);
  });

  it('lets each terminal in with its secret, under its own client id only, and refuses the rest', async () => {
    for (const [id, password] of Object.entries(secrets)) {
      await expect(connect({ clientId: id, username: id, password })).resolves.toBeDefined();
    }
    await expect(connect({ clientId: 'T-FILE-1', username: 'T-FILE-1', password: 'wrong' })).rejects.toThrow(
      /not authori[sz]ed/i,
    );
    await expect(
      connect({ clientId: 'T-FILE-2', username: 'T-FILE-1', password: secrets['T-FILE-1'] }),
    ).rejects.toThrow(/not authori[sz]ed|identifier/i);
    await expect(connect({ clientId: 'anon' })).rejects.toThrow(/not authori[sz]ed/i);
  });

  it('delivers a terminal’s own telemetry to the ingestor alone and refuses the terminal’s subscriptions', async () => {
    const ingestor = await connect({ clientId: 'file-ingestor', ...TEST_INGEST });
    expect(await grantedQos(ingestor, '$share/fleet-ingest/fleet/v1/+/+')).toBe(1);
    const arrived = new Promise<string>((resolve) => ingestor.once('message', (topic) => resolve(topic)));
    const terminal = await connect({
      clientId: 'T-FILE-3',
      username: 'T-FILE-3',
      password: secrets['T-FILE-3'],
    });
    expect(await grantedQos(terminal, 'fleet/v1/#')).toBe(128);
    await terminal.publishAsync('fleet/v1/T-FILE-1/heartbeat', 'forged', { qos: 1 });
    await terminal.publishAsync('fleet/v1/T-FILE-3/heartbeat', 'own', { qos: 1 });
    expect(await arrived).toBe('fleet/v1/T-FILE-3/heartbeat');
    const admin = await connect({ clientId: 'file-admin', ...DYNSEC_ADMIN });
    expect(await grantedQos(admin, 'fleet/v1/#')).toBe(128);
  });

  it('refuses a stored hash that is not PBKDF2-SHA512 rather than writing an account nobody can use', () => {
    expect(() =>
      dynsecConfigFile({
        admin: DYNSEC_ADMIN,
        ingest: TEST_INGEST,
        shareGroup: 'fleet-ingest',
        terminals: [{ terminalId: 'T-BAD', brokerHash: '$6$rounds$not-pbkdf2' }],
      }),
    ).toThrow(/T-BAD is not \$7\$/);
  });
});
