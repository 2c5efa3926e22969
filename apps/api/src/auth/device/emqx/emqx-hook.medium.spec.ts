import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../../../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../../../storage/testing/test-database';
import { type AuthTestApp, createAuthTestApp } from '../../testing/auth-test-app';
import { callJson, type JsonReply, loginToken } from '../../testing/http-client';
import { EMQX_HOOK_SECRET_HEADER } from './emqx-hook-secret.guard';

const ADMIN = { username: 'hook-admin', password: 'hook-admin-password' };
const HOOK_SECRET = 'emqx-hook-secret-of-at-least-32-characters';
/** The ingestor's login on the external broker, as MQTT_URL carries it. */
const INGEST = { username: 'fleet-ingest', password: 'ingest-password-from-mqtt-url' };
const ENV = {
  FLEET_ADMIN_USER: ADMIN.username,
  FLEET_ADMIN_PASSWORD: ADMIN.password,
  EMQX_HOOK_SECRET: HOOK_SECRET,
  MQTT_URL: `mqtt://${INGEST.username}:${INGEST.password}@emqx.internal:1883`,
};

/** A call as EMQX makes it: JSON body, the hook secret in its header (unless told otherwise). */
async function hook(
  server: AuthTestApp,
  route: 'authenticate' | 'authorize',
  body: unknown,
  secret: string | null = HOOK_SECRET,
): Promise<JsonReply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers[EMQX_HOOK_SECRET_HEADER] = secret;
  const response = await fetch(`${server.baseUrl}/broker/emqx/${route}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('EMQX HTTP auth hooks over HTTP (postgres database)', () => {
  let testDb: TestDatabase | undefined;
  let server: AuthTestApp;
  let adminToken: string;
  let now = Date.UTC(2026, 5, 1);
  const clock = () => now;
  const others: AuthTestApp[] = [];

  /** Issues or rotates a terminal's secret the way an operator does: over the API. */
  const issueSecret = async (terminalId: string): Promise<string> => {
    const reply = await callJson(server.baseUrl, 'POST', `/terminals/${terminalId}/credentials`, {
      token: adminToken,
    });
    expect(reply.status).toBe(201);
    return reply.body.password as string;
  };
  const connect = (target: AuthTestApp, clientid: string, username: string, password: string) =>
    hook(target, 'authenticate', { clientid, username, password });
  const may = async (clientid: string, username: string, action: string, topic: string) =>
    (await hook(server, 'authorize', { clientid, username, action, topic, qos: '1', retain: 'false' })).body;

  beforeAll(async () => {
    if (!(await postgresAvailableOrSkip())) return;
    testDb = await createTestDatabase('postgres');
    server = await createAuthTestApp({ database: testDb.database, env: ENV, clock });
    adminToken = await loginToken(server.baseUrl, ADMIN.username, ADMIN.password);
  });
  afterAll(async () => {
    await Promise.all(others.map((other) => other.close()));
    await server?.close();
    await testDb?.drop();
  });

  it('lets a terminal in with its current secret, and never as a superuser', async (ctx) => {
    if (!testDb) return ctx.skip();
    const password = await issueSecret('T-A');
    const reply = await connect(server, 'T-A', 'T-A', password);
    expect(reply).toMatchObject({ status: 200, body: { result: 'allow', is_superuser: false } });
  });

  it('refuses wrong secrets, unknown terminals, borrowed usernames and anonymous clients', async (ctx) => {
    if (!testDb) return ctx.skip();
    const password = await issueSecret('T-B');
    const refused = [
      { clientid: 'T-B', username: 'T-B', password: `${password}x` },
      { clientid: 'T-NEW', username: 'T-NEW', password },
      { clientid: 'T-C', username: 'T-B', password },
      // What EMQX sends for a client without username and password.
      { clientid: 'T-B', username: '', password: '' },
      { clientid: 'T-B' },
    ];
    for (const body of refused) {
      const reply = await hook(server, 'authenticate', body);
      expect(reply, JSON.stringify(body)).toMatchObject({ status: 200, body: { result: 'deny' } });
    }
  });

  it('lets the ingestor in with the login of MQTT_URL and nobody else under its username', async (ctx) => {
    if (!testDb) return ctx.skip();
    expect((await connect(server, 'ingest-1', INGEST.username, INGEST.password)).body).toEqual({
      result: 'allow',
      is_superuser: false,
    });
    expect((await connect(server, 'ingest-1', INGEST.username, 'guessed')).body.result).toBe('deny');
    // `fleet-ingest` is also a valid terminal id: even a terminal with its own secret by that
    // name must not log in as the ingestor, or it would read the whole fleet.
    const terminalSecret = await issueSecret(INGEST.username);
    expect((await connect(server, INGEST.username, INGEST.username, terminalSecret)).body.result).toBe(
      'deny',
    );
  });

  it('lets a terminal publish under its own id only', async (ctx) => {
    if (!testDb) return ctx.skip();
    expect(await may('T-A', 'T-A', 'publish', 'fleet/v1/T-A/heartbeat')).toEqual({ result: 'allow' });
    for (const topic of ['fleet/v1/T-B/heartbeat', 'fleet/v1/T-AB/heartbeat', 'fleet/v2/T-A/x', 'other']) {
      expect(await may('T-A', 'T-A', 'publish', topic), topic).toEqual({ result: 'deny' });
    }
    // A client whose username is not its client id is no terminal.
    expect(await may('T-A', 'T-B', 'publish', 'fleet/v1/T-A/heartbeat')).toEqual({ result: 'deny' });
  });

  it('refuses a terminal every subscription, its own topics and shared groups included', async (ctx) => {
    if (!testDb) return ctx.skip();
    const refused = [
      'fleet/v1/#',
      'fleet/v1/+/+',
      '#',
      'fleet/v1/T-B/#',
      '$share/g/fleet/v1/#',
      '$share/g/fleet/v1/+/+',
      '$share/g/fleet/v1/T-A/#',
      'fleet/v1/T-A/#',
    ];
    for (const filter of refused) {
      expect(await may('T-A', 'T-A', 'subscribe', filter), filter).toEqual({ result: 'deny' });
    }
  });

  it('lets the ingestor subscribe to the fleet, plainly or in a shared group, and publish nothing', async (ctx) => {
    if (!testDb) return ctx.skip();
    for (const filter of ['fleet/v1/#', '$share/g/fleet/v1/#', '$share/fleet-ingest/fleet/v1/+/+']) {
      expect(await may('ingest-1', INGEST.username, 'subscribe', filter), filter).toEqual({
        result: 'allow',
      });
    }
    for (const filter of ['#', '$share/g/#', '$SYS/#']) {
      expect(await may('ingest-1', INGEST.username, 'subscribe', filter), filter).toEqual({ result: 'deny' });
    }
    expect(await may('ingest-1', INGEST.username, 'publish', 'fleet/v1/T-A/heartbeat')).toEqual({
      result: 'deny',
    });
  });

  it('refuses the old secret right after a rotation and accepts the new one', async (ctx) => {
    if (!testDb) return ctx.skip();
    const old = await issueSecret('T-ROT');
    expect((await connect(server, 'T-ROT', 'T-ROT', old)).body.result).toBe('allow');
    const fresh = await issueSecret('T-ROT');
    expect((await connect(server, 'T-ROT', 'T-ROT', old)).body.result).toBe('deny');
    expect((await connect(server, 'T-ROT', 'T-ROT', fresh)).body.result).toBe('allow');
  });

  it('on a second platform process, refuses a rotated secret once its one-minute cache runs out', async (ctx) => {
    if (!testDb) return ctx.skip();
    const second = await createAuthTestApp({ database: testDb.database, env: ENV, clock });
    others.push(second);
    const old = await issueSecret('T-ROT2');
    expect((await connect(second, 'T-ROT2', 'T-ROT2', old)).body.result).toBe('allow');
    const fresh = await issueSecret('T-ROT2');
    // The rotation happened in the first process; the second still trusts what it verified.
    expect((await connect(second, 'T-ROT2', 'T-ROT2', old)).body.result).toBe('allow');
    now += 60_000;
    expect((await connect(second, 'T-ROT2', 'T-ROT2', old)).body.result).toBe('deny');
    expect((await connect(second, 'T-ROT2', 'T-ROT2', fresh)).body.result).toBe('allow');
  });

  it('answers 404 on both routes while EMQX_HOOK_SECRET is unset', async (ctx) => {
    if (!testDb) return ctx.skip();
    const withoutHooks = await createAuthTestApp({
      database: testDb.database,
      env: { ...ENV, EMQX_HOOK_SECRET: undefined },
      clock,
    });
    others.push(withoutHooks);
    const password = await issueSecret('T-404');
    expect((await connect(withoutHooks, 'T-404', 'T-404', password)).status).toBe(404);
    const authorize = await hook(withoutHooks, 'authorize', {
      clientid: 'T-404',
      username: 'T-404',
      action: 'publish',
      topic: 'fleet/v1/T-404/heartbeat',
    });
    expect(authorize).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('refuses calls without the hook secret (401) or with a wrong one (403), whatever the body', async (ctx) => {
    if (!testDb) return ctx.skip();
    const password = await issueSecret('T-SEC');
    const body = { clientid: 'T-SEC', username: 'T-SEC', password };
    expect(await hook(server, 'authenticate', body, null)).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    expect(await hook(server, 'authenticate', body, `${HOOK_SECRET}x`)).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    expect(await hook(server, 'authorize', { nonsense: true }, 'short')).toMatchObject({ status: 403 });
  });

  it('answers a malformed body with 400 naming the field', async (ctx) => {
    if (!testDb) return ctx.skip();
    const cases: Array<[unknown, string]> = [
      [{ clientid: 'T-A', username: 'T-A', action: 'delete', topic: 'fleet/v1/T-A/x' }, 'action'],
      [{ clientid: 'T-A', username: 'T-A', action: 'publish' }, 'topic'],
      [{ clientid: 'T-A', username: 'T-A', action: 'publish', topic: '' }, 'topic'],
      [{ clientid: 'T-A', username: 'T-A', action: 'publish', topic: 't', qos: 3 }, 'qos'],
      [{ username: 'T-A', action: 'publish', topic: 'fleet/v1/T-A/x' }, 'clientid'],
    ];
    for (const [body, field] of cases) {
      const reply = await hook(server, 'authorize', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const overlong = await hook(server, 'authenticate', {
      clientid: 'T-A',
      username: 'T-A',
      password: 'p'.repeat(1025),
    });
    expect(overlong.status).toBe(400);
    expect(overlong.body.error.fields[0].field).toBe('password');
    const numeric = await hook(server, 'authenticate', { clientid: 7, username: 'T-A', password: 'x' });
    expect(numeric.body.error.fields[0].field).toBe('clientid');
  });

  // Last: it blocks this address for the throttling window.
  it('makes an address that keeps sending wrong hook secrets wait, and lets it in after the window', async (ctx) => {
    if (!testDb) return ctx.skip();
    const body = { clientid: 'T-A', username: 'T-A', password: 'irrelevant' };
    now += 15 * 60_000; // past the window of the wrong secrets sent above
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await hook(server, 'authenticate', body, `wrong-${attempt}`)).status).toBe(403);
    }
    const blocked = await hook(server, 'authenticate', body);
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    now += 15 * 60_000;
    expect(await hook(server, 'authenticate', body)).toMatchObject({ status: 200, body: { result: 'deny' } });
  });
});
