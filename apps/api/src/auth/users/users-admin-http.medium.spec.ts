import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { authDb } from '../auth-tables';
import { type AuthTestApp, createAuthTestApp } from '../testing/auth-test-app';
import { callJson, loginToken } from '../testing/http-client';
import { type UserChange, UserChanges } from './user-changes';
import { UsersRepository } from './users.repository';

const ADMIN = { username: 'root-admin', password: 'initial-admin-pass' };
const fieldsOf = (body: { error: { fields?: Array<{ field: string }> } }) =>
  (body.error.fields ?? []).map((f) => f.field).sort();

describe.each(['embedded', 'postgres'] as const)('user administration over HTTP (%s database)', (kind) => {
  let testDb: TestDatabase | undefined;
  let server: AuthTestApp;
  let admin: string;
  let adminId: string;
  const call = (method: string, path: string, options: Parameters<typeof callJson>[3] = {}) =>
    callJson(server.baseUrl, method, path, options);
  const patch = (id: string, body: unknown, token = admin) => call('PATCH', `/users/${id}`, { token, body });
  let serial = 0;
  /** A fresh user through the API; technicians get region `north` unless told otherwise. */
  async function createUser(overrides: Record<string, unknown> = {}) {
    const body = {
      username: `user-${++serial}`,
      password: 'user-password-1',
      role: 'technician',
      regions: ['north'],
      ...overrides,
    };
    const reply = await call('POST', '/users', { token: admin, body });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return { ...reply.body, password: body.password } as { id: string; username: string; password: string };
  }
  /** Earlier tests may have made admins; these tests need to know exactly which are enabled. */
  const enabledAdminIdsExcept = async (keep: string[]): Promise<string[]> =>
    (await call('GET', '/users', { token: admin })).body.items
      .filter((u: { id: string; role: string; disabled: boolean }) => u.role === 'admin' && !u.disabled)
      .map((u: { id: string }) => u.id)
      .filter((id: string) => !keep.includes(id));
  const lastAudit = async (action: string) =>
    (await call('GET', `/audit?action=${action}&limit=1`, { token: admin })).body.items[0];

  beforeAll(async () => {
    if (kind === 'postgres' && !(await postgresAvailableOrSkip())) return;
    testDb = await createTestDatabase(kind);
    const env = { FLEET_ADMIN_USER: ADMIN.username, FLEET_ADMIN_PASSWORD: ADMIN.password };
    server = await createAuthTestApp({ database: testDb.database, env });
    admin = await loginToken(server.baseUrl, ADMIN.username, ADMIN.password);
    const list = await call('GET', '/users', { token: admin });
    adminId = list.body.items.find((u: { username: string }) => u.username === ADMIN.username).id;
  });
  afterAll(async () => {
    await server?.close();
    await testDb?.drop();
  });

  it('creates users with e-mail, phone (stored as E.164) and locale, zh-CN by default', async (ctx) => {
    if (!testDb) return ctx.skip();
    const plain = await createUser({ role: 'support', regions: undefined });
    expect(plain).toMatchObject({ email: null, phone: null, locale: 'zh-CN', disabled: false });
    const full = await createUser({ email: 'li.wei@example.com', phone: '+86 138-0013-8000', locale: 'en' });
    const read = await call('GET', `/users/${full.id}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: full.id,
      username: full.username,
      role: 'technician',
      regions: ['north'],
      email: 'li.wei@example.com',
      phone: '+8613800138000',
      locale: 'en',
    });
    expect(JSON.stringify(read.body)).not.toMatch(/hash|user-password/);
    const listed = (await call('GET', '/users', { token: admin })).body.items;
    expect(listed.find((u: { id: string }) => u.id === full.id)).toEqual(read.body);
  });

  it('patches each field and reads it back', async (ctx) => {
    if (!testDb) return ctx.skip();
    const user = await createUser();
    const steps: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ regions: ['north', 'east'] }, { role: 'technician', regions: ['north', 'east'] }],
      [{ email: 'tech@example.com' }, { email: 'tech@example.com' }],
      [{ phone: '+44 20 7946 0958' }, { phone: '+442079460958' }],
      [{ locale: 'en' }, { locale: 'en' }],
      [
        { role: 'account_manager', merchantIds: ['M-1', 'M-2'] },
        { role: 'account_manager', regions: [], merchantIds: ['M-1', 'M-2'] },
      ],
      [{ merchantIds: ['M-3'] }, { merchantIds: ['M-3'] }],
      [{ role: 'support' }, { role: 'support', regions: [], merchantIds: [] }],
      [{ role: 'admin' }, { role: 'admin' }],
      [
        { email: null, phone: null },
        { email: null, phone: null },
      ],
      [{ disabled: true }, { disabled: true }],
      [{ disabled: false }, { disabled: false }],
      [{ role: 'support' }, { role: 'support' }],
    ];
    for (const [body, expected] of steps) {
      const reply = await patch(user.id, body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body, JSON.stringify(body)).toMatchObject(expected);
      const read = await call('GET', `/users/${user.id}`, { token: admin });
      expect(read.body).toEqual(reply.body);
    }
  });

  it('resets a password: the new one signs in, the old one no longer does, and old sessions end', async (ctx) => {
    if (!testDb) return ctx.skip();
    const user = await createUser();
    const session = (
      await call('POST', '/auth/login', { body: { username: user.username, password: user.password } })
    ).body;
    expect((await patch(user.id, { password: 'brand-new-password' })).status).toBe(200);
    expect(
      (await call('POST', '/auth/login', { body: { username: user.username, password: user.password } }))
        .status,
    ).toBe(401);
    expect(
      (await call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
    ).toBe(401);
    await loginToken(server.baseUrl, user.username, 'brand-new-password');
    const entry = await lastAudit('user.updated');
    expect(entry).toMatchObject({
      target: `user:${user.username}`,
      detail: { passwordReset: true, before: {}, after: {} },
    });
    expect(JSON.stringify(entry)).not.toMatch(/argon2|brand-new-password/);
  });

  it('clears the scope a new role does not carry, and refuses one sent with the wrong role', async (ctx) => {
    if (!testDb) return ctx.skip();
    const user = await createUser({ regions: ['north', 'south'] });
    const toSupport = await patch(user.id, { role: 'support' });
    expect(toSupport.body).toMatchObject({ role: 'support', regions: [], merchantIds: [] });
    const wrong = await patch(user.id, { regions: ['north'] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ field: 'regions', message: 'only a technician has regions' }]);
    const bare = await patch(user.id, { role: 'technician' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual([
      { field: 'regions', message: 'a technician needs at least one region' },
    ]);
    expect((await call('GET', `/users/${user.id}`, { token: admin })).body.role).toBe('support');
  });

  it('rejects bad bodies with 400 naming each field, and changes nothing', async (ctx) => {
    if (!testDb) return ctx.skip();
    const user = await createUser();
    const cases: Array<[unknown, string[]]> = [
      [{ email: 'not-an-address' }, ['email']],
      [{ email: '' }, ['email']],
      [{ phone: '13800138000' }, ['phone']],
      [{ phone: '+86 abc' }, ['phone']],
      [{ locale: 'fr' }, ['locale']],
      [{ role: 'root' }, ['role']],
      [{ disabled: 'yes' }, ['disabled']],
      [{ password: 'short' }, ['password']],
      [{ regions: [] }, ['regions']],
      [{ regions: ['north', 7] }, ['regions.1']],
      [{ merchantIds: ['M-1'] }, ['merchantIds']],
      [{ username: 'renamed' }, ['username']],
      [{ email: 'a'.repeat(300) + '@example.com', locale: 'xx' }, ['email', 'locale']],
      [[1, 2], ['(root)']],
    ];
    for (const [body, fields] of cases) {
      const reply = await patch(user.id, body);
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION');
      expect(fieldsOf(reply.body), JSON.stringify(body).slice(0, 80)).toEqual(fields);
    }
    const malformed = await call('PATCH', `/users/${user.id}`, { token: admin, rawBody: '{"locale": ' });
    expect(malformed.status).toBe(400);
    const read = await call('GET', `/users/${user.id}`, { token: admin });
    expect(read.body).toMatchObject({ regions: ['north'], email: null, phone: null, locale: 'zh-CN' });
  });

  it('sets quiet hours with PATCH, reads them back, refuses a bad time naming the field, and clears them with null', async (ctx) => {
    if (!testDb) return ctx.skip();
    const user = await createUser();
    const set = await patch(user.id, { quietHours: { start: '22:00', end: '07:00' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect((await call('GET', `/users/${user.id}`, { token: admin })).body.quietHours).toEqual({
      start: '22:00',
      end: '07:00',
    });
    const bad = await patch(user.id, { quietHours: { start: '25:00', end: '07:00' } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['quietHours.start']);
    const cleared = await patch(user.id, { quietHours: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('quietHours');
  });

  it('answers 404 for an unknown user id and 400 naming the id for a malformed one', async (ctx) => {
    if (!testDb) return ctx.skip();
    const unknown = randomUUID();
    expect(await call('GET', `/users/${unknown}`, { token: admin })).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
    expect((await patch(unknown, { locale: 'en' })).status).toBe(404);
    const malformed = await patch('not-a-uuid', { locale: 'en' });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(['id']);
    expect((await call('GET', '/users/1%27%20or%201=1', { token: admin })).status).toBe(400);
  });

  it('lets only admins read or change users (403 for every other role)', async (ctx) => {
    if (!testDb) return ctx.skip();
    const target = await createUser();
    for (const role of ['support', 'technician', 'account_manager'] as const) {
      const caller = await createUser({
        role,
        regions: role === 'technician' ? ['north'] : [],
        merchantIds: role === 'account_manager' ? ['M-1'] : [],
      });
      const token = await loginToken(server.baseUrl, caller.username, caller.password);
      expect((await call('GET', `/users/${target.id}`, { token })).status, role).toBe(403);
      expect((await patch(target.id, { disabled: true }, token)).status, role).toBe(403);
      expect((await patch(caller.id, { role: 'admin' }, token)).status, role).toBe(403);
    }
    expect((await call('GET', `/users/${target.id}`, { token: admin })).body.disabled).toBe(false);
  });

  it('disabling a user revokes their refresh tokens at once and blocks login; enabling lets them in again', async (ctx) => {
    if (!testDb) return ctx.skip();
    const user = await createUser();
    const signIn = () =>
      call('POST', '/auth/login', { body: { username: user.username, password: user.password } });
    const first = (await signIn()).body;
    const second = (await signIn()).body;
    expect((await patch(user.id, { disabled: true })).body.disabled).toBe(true);
    for (const session of [first, second]) {
      const refreshed = await call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } });
      expect(refreshed).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    }
    expect((await signIn()).status).toBe(401);
    // The revocation is stored, not only checked at refresh: no live token is left.
    const live = await authDb(testDb!.database)
      .selectFrom('refresh_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBe(0);

    expect((await patch(user.id, { disabled: false })).body.disabled).toBe(false);
    expect((await signIn()).status).toBe(200);
  });

  it('refuses with 409 an admin disabling themselves, and removing the last enabled admin', async (ctx) => {
    if (!testDb) return ctx.skip();
    const others = await enabledAdminIdsExcept([adminId]);
    for (const id of others) expect((await patch(id, { disabled: true })).status).toBe(200);
    const self = await patch(adminId, { disabled: true });
    expect(self).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(self.body.error.message).toMatch(/your own account/);
    const demoted = await patch(adminId, { role: 'support' });
    expect(demoted.status).toBe(409);
    expect(demoted.body.error.message).toMatch(/last enabled administrator/);
    for (const id of others) expect((await patch(id, { disabled: false })).status).toBe(200);

    // With a second admin, either may be demoted or disabled, but not both.
    const second = await createUser({ role: 'admin', regions: [] });
    const bystanders = await enabledAdminIdsExcept([adminId, second.id]);
    for (const id of bystanders) expect((await patch(id, { disabled: true })).status).toBe(200);
    const secondToken = await loginToken(server.baseUrl, second.username, second.password);
    expect((await patch(second.id, { role: 'support' })).status).toBe(200);
    expect((await patch(second.id, { role: 'admin' })).status).toBe(200);
    const disabledByOther = await patch(adminId, { disabled: true }, secondToken);
    expect(disabledByOther.status).toBe(200);
    const lastOne = await patch(second.id, { disabled: true }, secondToken);
    expect(lastOne.status).toBe(409);
    expect((await patch(adminId, { disabled: false }, secondToken)).status).toBe(200);
    expect((await patch(second.id, { disabled: true })).status).toBe(200);
    for (const id of bystanders) expect((await patch(id, { disabled: false })).status).toBe(200);
  });

  it('makes a change wait for one in flight on an admin, so two admins disabling each other leave one', async (ctx) => {
    // The embedded database has one connection, so only the server can run two transactions at once.
    if (kind !== 'postgres' || !testDb?.databaseUrl) return ctx.skip();
    const a = await createUser({ role: 'admin', regions: [] });
    const b = await createUser({ role: 'admin', regions: [] });
    const aToken = await loginToken(server.baseUrl, a.username, a.password);
    const bToken = await loginToken(server.baseUrl, b.username, b.password);
    // Only a and b stay enabled admins: the others (the root admin too) step aside for this test.
    const others = await enabledAdminIdsExcept([a.id, b.id]);
    for (const id of others) expect((await patch(id, { disabled: true }, aToken)).status).toBe(200);

    const rival = new pg.Client({ connectionString: testDb.databaseUrl });
    await rival.connect();
    try {
      // Another request disabling b, caught before its commit.
      await rival.query('begin');
      await rival.query('update users set disabled = true where id = $1', [b.id]);
      const pending = patch(a.id, { disabled: true }, bToken);
      let answered = false;
      void pending.then(() => (answered = true));
      const waitingOnLock = async () =>
        (
          await rival.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity
             where datname = current_database() and wait_event_type = 'Lock'`,
          )
        ).rows[0]!.n > 0;
      await expect.poll(async () => answered || (await waitingOnLock()), { timeout: 10_000 }).toBe(true);
      expect(answered, 'the second change must wait for the first').toBe(false);
      await rival.query('commit');
      const reply = await pending;
      expect(reply.status).toBe(409);
      expect(reply.body.error.message).toMatch(/last enabled administrator/);
    } finally {
      await rival.end();
    }
    expect(await enabledAdminIdsExcept([])).toEqual([a.id]);
    for (const id of [b.id, ...others])
      expect((await patch(id, { disabled: false }, aToken)).status).toBe(200);
  });

  it('audits user.updated with the changed fields before and after, and nothing for a no-op', async (ctx) => {
    if (!testDb) return ctx.skip();
    const user = await createUser({ locale: 'zh-CN' });
    await patch(user.id, { regions: ['west'], locale: 'en', email: null });
    const entry = await lastAudit('user.updated');
    expect(entry).toMatchObject({
      actor: ADMIN.username,
      action: 'user.updated',
      target: `user:${user.username}`,
      detail: {
        userId: user.id,
        before: { regions: ['north'], locale: 'zh-CN' },
        after: { regions: ['west'], locale: 'en' },
      },
    });
    expect(Object.keys(entry.detail.after).sort()).toEqual(['locale', 'regions']);
    expect(entry.detail.passwordReset).toBeUndefined();
    await patch(user.id, { locale: 'en', regions: ['west'] });
    expect((await lastAudit('user.updated')).id).toBe(entry.id);
  });

  it('tells UserChanges listeners which user changed and what, until they unsubscribe', async (ctx) => {
    if (!testDb) return ctx.skip();
    const changes = server.app.get(UserChanges);
    const heard: UserChange[] = [];
    const unsubscribe = changes.onChanged((change) => heard.push(change));
    const failing = changes.onChanged(() => {
      throw new Error('a broken listener');
    });
    const user = await createUser();
    expect((await patch(user.id, { disabled: true, locale: 'en' })).status).toBe(200);
    await patch(user.id, { locale: 'en' });
    expect(heard).toEqual([{ userId: user.id, fields: ['locale', 'disabled'], disabled: true }]);
    unsubscribe();
    failing();
    await patch(user.id, { disabled: false });
    expect(heard).toHaveLength(1);
  });

  it('reads the current scope and disabled flag of many users at once, leaving out unknown ids', async (ctx) => {
    if (!testDb) return ctx.skip();
    const tech = await createUser({ regions: ['north', 'east'] });
    const manager = await createUser({ role: 'account_manager', regions: [], merchantIds: ['M-9'] });
    await patch(manager.id, { disabled: true });
    const scopes = await server.app
      .get(UsersRepository)
      .activeScopes([tech.id, manager.id, randomUUID(), 'not-a-uuid', tech.id]);
    expect(scopes.sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [
        { id: tech.id, disabled: false, role: 'technician', regions: ['north', 'east'], merchantIds: [] },
        { id: manager.id, disabled: true, role: 'account_manager', regions: [], merchantIds: ['M-9'] },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(await server.app.get(UsersRepository).activeScopes([])).toEqual([]);
  });
});
