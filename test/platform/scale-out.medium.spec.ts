import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  SOCKET_PATH,
  type SessionEndReason,
  type TerminalChange,
  type TerminalMessageEvent,
} from '@fleet/telemetry/live/events';
import { callJson, loginToken } from '../../apps/api/src/auth/testing/http-client';
import { connectDevice } from '../../apps/api/src/auth/testing/connect-device';
import { SESSION_CHECK_MS } from '../../apps/api/src/live/live.gateway';
import {
  dropKeys,
  redisAvailableOrSkip,
  TEST_REDIS_URL,
  testKeyPrefix,
} from '../../apps/api/src/redis/testing/test-redis';
import { postgresAvailableOrSkip } from '../../apps/api/src/storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../../apps/api/src/storage/testing/test-database';
import { API_MAIN, startApiProcess, type ApiProcess } from '../support/api-process';
import { freePort } from '../support/free-port';

const ADMIN = { username: 'admin', password: 'scale-out-admin-pw' };
const run = await Promise.all([postgresAvailableOrSkip(), redisAvailableOrSkip()]).then((up) =>
  up.every(Boolean),
);

/**
 * Two real API processes (apps/api/dist/main.js) on one database and one Redis, each with
 * its own HTTP port and embedded broker: what is done through one is seen through the other.
 */
describe.skipIf(!run)('two API processes sharing PostgreSQL and Redis', () => {
  let test: TestDatabase;
  const prefix = testKeyPrefix();
  const brokerOf = new Map<ApiProcess, string>();
  let a: ApiProcess;
  let b: ApiProcess;
  const sockets: Socket[] = [];

  const startOne = async () => {
    const [port, mqttPort] = [await freePort(), await freePort()];
    const api = await startApiProcess(port, {
      MQTT_PORT: String(mqttPort),
      DATABASE_URL: test.databaseUrl!,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      FLEET_ADMIN_USER: ADMIN.username,
      FLEET_ADMIN_PASSWORD: ADMIN.password,
      // Both processes must sign and check the same tokens and device hashes.
      FLEET_JWT_SECRET: 'scale-out-test-jwt-secret-0123456789abcdef',
      FLEET_DEVICE_SECRET_PEPPER: 'scale-out-test-device-pepper-0123456789ab',
      FLEET_DEVICE_AUTH: 'on',
      INGEST_FLUSH_MS: '20',
      // The shortest token life: one test reads A's periodic session check from a token expiring.
      FLEET_ACCESS_TOKEN_TTL_S: '10',
    });
    brokerOf.set(api, `mqtt://127.0.0.1:${mqttPort}`);
    return api;
  };

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    // One after the other: the second finds the first admin and the migrations done.
    a = await startOne();
    b = await startOne();
  }, 180_000);
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([a?.stop(), b?.stop()]);
    await test?.drop();
    await dropKeys(prefix);
  }, 60_000);

  const api = (p: ApiProcess) => `${p.url}/api/v1`;
  const adminToken = (p: ApiProcess) => loginToken(api(p), ADMIN.username, ADMIN.password);
  const asAdmin = async (p: ApiProcess, method: string, path: string, body?: unknown) =>
    callJson(api(p), method, path, { token: await adminToken(p), body });
  const importTerminal = async (p: ApiProcess, terminalId: string) => {
    const reply = await asAdmin(p, 'POST', '/terminals/import', [
      { terminalId, merchantId: 'SO-M1', merchantName: 'Scale shop', region: 'East', lat: 31, lon: 121 },
    ]);
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  };
  const openSocket = (p: ApiProcess, token: string) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(p.url, {
        path: SOCKET_PATH,
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  it('a socket on A receives the terminals.changed of an import made through B', async () => {
    const socket = await openSocket(a, await adminToken(a));
    const seen = new Promise<TerminalChange>((resolve) =>
      socket.on('terminals.changed', (changes: TerminalChange[]) => {
        const change = changes.find((c) => c.terminalId === 'SO-IMPORTED');
        if (change) resolve(change);
      }),
    );
    await importTerminal(b, 'SO-IMPORTED');
    expect((await seen).terminalId).toBe('SO-IMPORTED');
  });

  it('a socket on A following a terminal receives its message ingested by B, and B refuses a secret rotated through A at once', async () => {
    await importTerminal(a, 'SO-FOLLOWED');
    const first = await asAdmin(a, 'POST', '/terminals/SO-FOLLOWED/credentials');
    expect(first.status).toBe(201);
    // B checks the first secret, which puts its hash in B's cache.
    const device = await connectDevice(brokerOf.get(b)!, 'SO-FOLLOWED', 'SO-FOLLOWED', first.body.password);

    const socket = await openSocket(a, await adminToken(a));
    expect(await socket.emitWithAck('terminal.follow', 'SO-FOLLOWED')).toBe(true);
    const message = new Promise<TerminalMessageEvent>((resolve) => socket.on('terminal.message', resolve));
    // B learns of A's follower by announcement: publish until one arrives.
    let seq = 1;
    const publishing = setInterval(() => {
      const payload = {
        ts: new Date().toISOString(),
        seq: seq++,
        intervalS: 60,
        uptimeS: 100,
        comm: '4g',
        power: 'mains',
      };
      device.publish('fleet/v1/SO-FOLLOWED/heartbeat', JSON.stringify(payload), { qos: 1 });
    }, 200);
    try {
      expect(await message).toMatchObject({ terminalId: 'SO-FOLLOWED', channel: 'heartbeat' });
    } finally {
      clearInterval(publishing);
      await device.endAsync();
    }

    const rotated = await asAdmin(a, 'POST', '/terminals/SO-FOLLOWED/credentials');
    expect(rotated.status).toBe(201);
    // Redis pub/sub reaches B before A answers nearly always; the refusal is asked for once only.
    await expect(
      connectDevice(brokerOf.get(b)!, 'SO-FOLLOWED', 'SO-FOLLOWED', first.body.password),
    ).rejects.toThrow();
    const withNew = await connectDevice(
      brokerOf.get(b)!,
      'SO-FOLLOWED',
      'SO-FOLLOWED',
      rotated.body.password,
    );
    await withNew.endAsync();
  });

  it('failed logins through A and B add up to the per-user-and-address limit (5)', async () => {
    const user = { username: 'so-guessed', password: 'so-guessed-password-1', role: 'support' };
    expect((await asAdmin(a, 'POST', '/users', user)).status).toBe(201);
    const attempt = (p: ApiProcess, password: string) =>
      callJson(api(p), 'POST', '/auth/login', { body: { username: user.username, password } });
    for (const p of [a, a, a, b, b]) expect((await attempt(p, 'wrong-guess')).status).toBe(401);
    // A has seen three failures, B two: only their sum reaches the limit.
    const refused = await attempt(a, user.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt(b, user.password)).status).toBe(429);
  });

  it('disabling a user through B ends their socket on A at once, not at A’s next periodic check', async () => {
    const user = { username: 'so-disabled', password: 'so-disabled-password-1', role: 'support' };
    const created = await asAdmin(b, 'POST', '/users', user);
    expect(created.status).toBe(201);
    // A closes an expired token's socket only at its periodic check: that close gives its phase.
    const lapsing = await openSocket(a, await adminToken(a));
    const periodicCheckAt = await new Promise<number>((resolve) =>
      lapsing.once('session.ended', () => resolve(Date.now())),
    );
    const socket = await openSocket(a, await loginToken(api(a), user.username, user.password));
    const ended = new Promise<{ reason: SessionEndReason; at: number }>((resolve) =>
      socket.once('session.ended', ({ reason }: { reason: SessionEndReason }) =>
        resolve({ reason, at: Date.now() }),
      ),
    );
    expect((await asAdmin(b, 'PATCH', `/users/${created.body.id}`, { disabled: true })).status).toBe(200);
    const { reason, at } = await ended;
    expect(reason).toBe('user_disabled');
    // Before A's next periodic check: B's signal closed it, not A's own timer.
    expect(at).toBeLessThan(periodicCheckAt + SESSION_CHECK_MS - 1000);
  }, 60_000);
});

describe.skipIf(!run)('start-up without Redis', () => {
  it('names REDIS_URL in one line when Redis cannot be reached', async () => {
    const port = await freePort();
    const unreachable = `redis://127.0.0.1:${await freePort()}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'fleet-no-redis-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const failure = await promisify(execFile)(process.execPath, [API_MAIN], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        MQTT_PORT: String(await freePort()),
        REDIS_URL: unreachable,
        DATA_DIR: dataDir,
      },
      timeout: 60_000,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure?.stderr).toMatch(
      /^fleet: start-up failed: REDIS_URL: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/,
    );
  });
});
