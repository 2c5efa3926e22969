import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../../storage/testing/require-postgres';
import { local } from '../testing/report-fixture';
import { startSubscriptionsTestApp, type SubscriptionsTestApp } from './testing/subscriptions-test-app';

const postgresUp = await postgresAvailableOrSkip();
const fieldsOf = (body: { error: { fields: Array<{ field: string }> } }) =>
  body.error.fields.map((f) => f.field);

describe.skipIf(!postgresUp)('report subscriptions, the archive and the time zone over HTTP', () => {
  let app: SubscriptionsTestApp;
  let manager: string;
  let technician: string;

  beforeAll(async () => {
    // Tuesday 2026-11-10 noon in Shanghai.
    app = await startSubscriptionsTestApp(local('2026-11-10T12:00:00').getTime());
    manager = await app.addUser({
      username: 'am-http',
      role: 'account_manager',
      merchantIds: ['M1'],
      locale: 'en',
    });
    const created = await app.call('POST', '/users', app.admin, {
      username: 'tech-sh',
      password: 'tech-sh-password',
      role: 'technician',
      regions: ['shanghai'],
    });
    expect(created.status).toBe(201);
    technician = (
      await app.call('POST', '/auth/login', '', { username: 'tech-sh', password: 'tech-sh-password' })
    ).body.accessToken as string;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('subscribes, lists the subscription with its next run in the user’s zone, replaces it and unsubscribes (audited)', async () => {
    const saved = await app.call('PUT', '/reports/subscriptions/weekly', manager, { merchantIds: ['M1'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      cadence: 'weekly',
      merchantIds: ['M1'],
      format: 'pdf',
      attachCsv: false,
      locale: null,
      createdAt: local('2026-11-10T12:00:00').toISOString(),
      updatedAt: local('2026-11-10T12:00:00').toISOString(),
      nextRunAt: local('2026-11-16T08:00:00').toISOString(),
    });
    const replaced = await app.call('PUT', '/reports/subscriptions/weekly', manager, {
      attachCsv: true,
      locale: 'zh-CN',
    });
    expect(replaced.body).toMatchObject({ merchantIds: null, attachCsv: true, locale: 'zh-CN' });
    await app.call('PUT', '/reports/subscriptions/monthly', manager, {});
    const listed = await app.call('GET', '/reports/subscriptions', manager);
    expect(
      listed.body.items.map((s: { cadence: string; nextRunAt: string }) => [s.cadence, s.nextRunAt]),
    ).toEqual([
      ['weekly', local('2026-11-16T08:00:00').toISOString()],
      ['monthly', local('2026-12-01T08:00:00').toISOString()],
    ]);
    expect((await app.call('DELETE', '/reports/subscriptions/monthly', manager)).status).toBe(204);
    expect((await app.call('DELETE', '/reports/subscriptions/monthly', manager)).status).toBe(404);
    const audit = await app.call('GET', '/audit?limit=20', app.admin);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['report_subscription.saved', 'report_subscription.deleted']),
    );
  });

  it('answers 400 naming the field for a bad cadence, locale or key, and for an unknown merchant', async () => {
    const daily = await app.call('PUT', '/reports/subscriptions/daily', manager, {});
    expect(daily.status).toBe(400);
    expect(fieldsOf(daily.body)).toEqual(['cadence']);
    const locale = await app.call('PUT', '/reports/subscriptions/weekly', manager, { locale: 'fr' });
    expect(fieldsOf(locale.body)).toEqual(['locale']);
    const typo = await app.call('PUT', '/reports/subscriptions/weekly', manager, { attachCSV: true });
    expect(typo.status).toBe(400);
    const unknown = await app.call('PUT', '/reports/subscriptions/weekly', app.admin, {
      merchantIds: ['M1', 'NOPE'],
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['merchantIds.1']);
  });

  it('refuses merchants outside the caller’s scope with 403', async () => {
    expect(
      (await app.call('PUT', '/reports/subscriptions/weekly', manager, { merchantIds: ['M2'] })).status,
    ).toBe(403);
    expect(
      (await app.call('PUT', '/reports/subscriptions/weekly', technician, { merchantIds: ['M1'] })).status,
    ).toBe(403);
    expect(
      (await app.call('PUT', '/reports/subscriptions/weekly', app.admin, { merchantIds: ['M2'] })).status,
    ).toBe(200);
  });

  it('answers 404 for an archive id that is not the caller’s, malformed or not', async () => {
    expect((await app.call('GET', '/reports/archive', manager)).body).toEqual({ items: [] });
    expect((await app.call('GET', '/reports/archive/not-a-uuid', manager)).status).toBe(404);
    expect(
      (await app.call('GET', '/reports/archive/00000000-0000-4000-8000-000000000000', manager)).status,
    ).toBe(404);
    expect(
      (await app.call('GET', '/reports/archive/00000000-0000-4000-8000-000000000000?format=xls', manager))
        .status,
    ).toBe(400);
  });

  it('sets the caller’s own time zone as an IANA zone, which moves the next run', async () => {
    expect((await app.call('GET', '/users/me/time-zone', manager)).body).toEqual({
      timeZone: 'Asia/Shanghai',
    });
    const bad = await app.call('PUT', '/users/me/time-zone', manager, { timeZone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['timeZone']);
    const saved = await app.call('PUT', '/users/me/time-zone', manager, { timeZone: 'europe/berlin' });
    expect(saved.body).toEqual({ timeZone: 'Europe/Berlin' });
    const [weekly] = (await app.call('GET', '/reports/subscriptions', manager)).body.items;
    // Monday 08:00 in Berlin (CET, UTC+1) is 07:00 UTC.
    expect(weekly.nextRunAt).toBe('2026-11-16T07:00:00.000Z');
  });

  it('lets an admin set a user’s time zone with PATCH /users/{id}, refusing a non-IANA one by name', async () => {
    const users = await app.call('GET', '/users', app.admin);
    const id = (users.body.items as Array<{ id: string; username: string }>).find(
      (u) => u.username === 'tech-sh',
    )!.id;
    const bad = await app.call('PATCH', `/users/${id}`, app.admin, { timeZone: '+08:00' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['timeZone']);
    const set = await app.call('PATCH', `/users/${id}`, app.admin, { timeZone: 'UTC' });
    expect(set.status).toBe(200);
    expect(set.body.timeZone).toBe('UTC');
    expect((await app.call('GET', `/users/${id}`, app.admin)).body.timeZone).toBe('UTC');
  });

  it('documents the routes in OpenAPI, with the request schema', () => {
    const doc = SwaggerModule.createDocument(app.api.server.app, new DocumentBuilder().build());
    const methods = (suffix: string) =>
      Object.keys(Object.entries(doc.paths).find(([path]) => path.endsWith(suffix))?.[1] ?? {}).sort();
    expect(methods('/reports/subscriptions')).toEqual(['get']);
    expect(methods('/reports/subscriptions/{cadence}')).toEqual(['delete', 'put']);
    expect(methods('/reports/archive')).toEqual(['get']);
    expect(methods('/reports/archive/{id}')).toEqual(['get']);
    expect(methods('/users/me/time-zone')).toEqual(['get', 'put']);
    expect(JSON.stringify(doc.paths)).toContain('ReportSubscriptionInputDto');
  });
});
