import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { type AuthTestApp, createAuthTestApp } from './testing/auth-test-app';
import { CapturedLogger } from './testing/captured-logger';
import { callJson } from './testing/http-client';

const ADMIN = { username: 'root-admin', password: 'initial-admin-pass' };

describe.each(['embedded', 'postgres'] as const)('auth over HTTP (%s database)', (kind) => {
  let testDb: TestDatabase | undefined;
  let server: AuthTestApp;
  let now = Date.UTC(2026, 0, 1);
  const logger = new CapturedLogger();
  const call = (method: string, path: string, options: Parameters<typeof callJson>[3] = {}) =>
    callJson(server.baseUrl, method, path, options);
  const login = (username: string, password: string) =>
    call('POST', '/auth/login', { body: { username, password } });

  beforeAll(async () => {
    if (kind === 'postgres' && !(await postgresAvailableOrSkip())) return;
    testDb = await createTestDatabase(kind);
    server = await createAuthTestApp({
      database: testDb.database,
      env: { FLEET_ADMIN_USER: ADMIN.username, FLEET_ADMIN_PASSWORD: ADMIN.password },
      clock: () => now,
      logger,
    });
  });
  afterAll(async () => {
    await server?.close();
    await testDb?.drop();
  });

  it('creates the configured first admin, who can sign in', async (ctx) => {
    if (!testDb) return ctx.skip();
    const reply = await login(ADMIN.username, ADMIN.password);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      expiresIn: 900,
      user: { username: ADMIN.username, role: 'admin', regions: [], merchantIds: [] },
    });
    expect(reply.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(reply.body.refreshToken).toEqual(expect.any(String));
  });

  it('requires a bearer token everywhere but the public routes', async (ctx) => {
    if (!testDb) return ctx.skip();
    expect((await call('GET', '/users')).status).toBe(401);
    const forged = await call('GET', '/users', { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    expect(forged).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });

  it('creates users (admin only), without ever showing the hash, and audits it', async (ctx) => {
    if (!testDb) return ctx.skip();
    const admin = (await login(ADMIN.username, ADMIN.password)).body.accessToken;
    const created = await call('POST', '/users', {
      token: admin,
      body: { username: 'tech.north', password: 'tech-password', role: 'technician', regions: ['north'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'tech.north',
      role: 'technician',
      regions: ['north'],
      merchantIds: [],
    });
    expect(JSON.stringify(created.body)).not.toMatch(/hash|tech-password/);

    const again = await call('POST', '/users', {
      token: admin,
      body: { username: 'tech.north', password: 'x'.repeat(9), role: 'support' },
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });

    const tech = (await login('tech.north', 'tech-password')).body.accessToken;
    const refused = await call('POST', '/users', {
      token: tech,
      body: { username: 'x', password: 'y'.repeat(9), role: 'admin' },
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await call('GET', '/users', { token: tech })).status).toBe(403);
    expect((await call('GET', '/audit', { token: tech })).status).toBe(403);

    const list = await call('GET', '/users', { token: admin });
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual([
      ADMIN.username,
      'tech.north',
    ]);
    const audit = await call('GET', '/audit?action=user.created', { token: admin });
    expect(audit.body.items[0]).toMatchObject({
      actor: ADMIN.username,
      action: 'user.created',
      target: 'user:tech.north',
    });
  });

  it('rejects bad user input with 400 naming each field, never 500', async (ctx) => {
    if (!testDb) return ctx.skip();
    const admin = (await login(ADMIN.username, ADMIN.password)).body.accessToken;
    const cases: Array<[unknown, string[]]> = [
      [{ username: "x'; drop table users; --", password: 'long-enough', role: 'admin' }, ['username']],
      [
        { username: 'a'.repeat(10_000), password: 'p'.repeat(50_000), role: 'admin' },
        ['password', 'username'],
      ],
      [{ username: 'ok', password: 'short', role: 'root' }, ['password', 'role']],
      [{ username: 'ok', password: 'long-enough', role: 'technician' }, ['regions']],
      [
        { username: 'ok', password: 'long-enough', role: 'account_manager', regions: ['north'] },
        ['merchantIds', 'regions'],
      ],
      [
        { username: 'ok', password: 'long-enough', role: 'technician', regions: ['north', 42] },
        ['regions.1'],
      ],
      [[1, 2, 3], ['(root)']],
    ];
    for (const [body, fields] of cases) {
      const reply = await call('POST', '/users', { token: admin, body });
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION');
      expect(reply.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(fields);
    }
    const malformed = await call('POST', '/users', { token: admin, rawBody: '{"username": ' });
    expect(malformed.status).toBe(400);
  });

  it('rejects injection strings and oversized input on login with 400, not 500', async (ctx) => {
    if (!testDb) return ctx.skip();
    const injected = await login("admin' OR '1'='1", 'x');
    expect(injected.status).toBe(400);
    expect(injected.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['username']);
    const oversized = await login('a'.repeat(20_000), 'b'.repeat(20_000));
    expect(oversized.status).toBe(400);
    expect(oversized.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'username',
      'password',
    ]);
    // Past the body parser's limit the request is refused before any field is read.
    const huge = await login('a'.repeat(200_000), 'b');
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    const injectedPassword = await login(ADMIN.username, "' OR 1=1 --");
    expect(injectedPassword.status).toBe(401);
  });

  it('refreshes with rotation; a reused refresh token ends the whole session', async (ctx) => {
    if (!testDb) return ctx.skip();
    const first = (await login(ADMIN.username, ADMIN.password)).body;
    const second = await call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await call('GET', '/users', { token: second.body.accessToken })).status).toBe(200);

    const replay = await call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    // The thief's replay also burns the token the rightful holder got.
    expect(
      (await call('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status,
    ).toBe(401);
  });

  it('logs out: the refresh token stops working', async (ctx) => {
    if (!testDb) return ctx.skip();
    const session = (await login(ADMIN.username, ADMIN.password)).body;
    const out = await call('POST', '/auth/logout', {
      token: session.accessToken,
      body: { refreshToken: session.refreshToken },
    });
    expect(out.status).toBe(204);
    expect(
      (await call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
    ).toBe(401);
    expect((await call('POST', '/auth/logout', { body: {} })).status).toBe(401);
  });

  it('expires access tokens after 15 minutes', async (ctx) => {
    if (!testDb) return ctx.skip();
    const token = (await login(ADMIN.username, ADMIN.password)).body.accessToken;
    now += 15 * 60_000 + 1000;
    const reply = await call('GET', '/users', { token });
    expect(reply).toMatchObject({ status: 401, body: { error: { message: 'access token expired' } } });
  });

  it('answers the 6th wrong password in 15 minutes with 429 and Retry-After, and logs failures without the password', async (ctx) => {
    if (!testDb) return ctx.skip();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login(ADMIN.username, `wrong-guess-${attempt}`)).status).toBe(401);
    }
    const sixth = await login(ADMIN.username, 'wrong-guess-6');
    expect(sixth).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(800);
    // Even the right password waits: otherwise the 429 would confirm nothing.
    expect((await login(ADMIN.username, ADMIN.password)).status).toBe(429);

    const failures = logger.text().filter((line) => line.includes('login_failed'));
    expect(failures.length).toBeGreaterThanOrEqual(5);
    expect(logger.text().join('\n')).not.toContain('wrong-guess');

    now += 15 * 60_000;
    expect((await login(ADMIN.username, ADMIN.password)).status).toBe(200);
  });

  it('issues and rotates terminal credentials (admin only), audited, stored as a hash', async (ctx) => {
    if (!testDb) return ctx.skip();
    const admin = (await login(ADMIN.username, ADMIN.password)).body.accessToken;
    const first = await call('POST', '/terminals/T-0001/credentials', { token: admin });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ terminalId: 'T-0001', password: expect.stringMatching(/^[\w-]{43}$/) });
    const second = await call('POST', '/terminals/T-0001/credentials', { token: admin });
    expect(second.body.password).not.toBe(first.body.password);

    const bad = await call('POST', '/terminals/not%20valid/credentials', { token: admin });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'terminalId' }] } } });
    const tech = (await login('tech.north', 'tech-password')).body.accessToken;
    expect((await call('POST', '/terminals/T-0001/credentials', { token: tech })).status).toBe(403);

    const audit = await call('GET', '/audit?limit=2', { token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'device_credentials.rotated',
      'device_credentials.issued',
    ]);
    expect(audit.body.nextBefore).toEqual(expect.any(Number));
    const older = await call('GET', `/audit?limit=2&before=${audit.body.nextBefore}`, { token: admin });
    expect(older.body.items[0].id).toBeLessThan(audit.body.nextBefore);
    expect(JSON.stringify(audit.body)).not.toContain(first.body.password);
  });
});
