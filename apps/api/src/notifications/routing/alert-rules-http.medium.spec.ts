import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import { loginToken } from '../../auth/testing/http-client';
import { startInboxHttpApp, type InboxHttpApp } from '../testing/inbox-http-app';
import { AlertRecipients } from './alert-recipients';

const ANY = { codes: [], minSeverity: 'warning', regions: [], merchantIds: [], mccMncs: [] };
const PAGING = {
  name: 'Comm faults to the duty phone',
  match: { ...ANY, codes: ['COMM_MODULE_FAULT'], minSeverity: 'major' },
  targets: { roles: ['technician'], userIds: [], webhookUrls: [] },
  channels: ['sms', 'in_app'],
};
const fieldsOf = (body: { error: { fields?: Array<{ field: string }> } }) =>
  (body.error.fields ?? []).map((f) => f.field).sort();

/** `/alert-rules` over real HTTP on a real database: roles, validation, audit, and the routing following a change. */
describe('alert rules over HTTP', () => {
  let app: InboxHttpApp;
  let admin = '';
  let support = '';
  let technician = '';
  let techId = '';

  beforeAll(async () => {
    app = await startInboxHttpApp();
    admin = app.adminToken;
    support = (await app.addUser('rules-support')).token;
    const created = await app.call('POST', '/users', admin, {
      username: 'rules-tech',
      password: 'rules-tech-pass-1',
      role: 'technician',
      regions: ['Beijing'],
    });
    techId = created.body.id as string;
    technician = await loginToken(app.server.baseUrl, 'rules-tech', 'rules-tech-pass-1');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const auditActions = async () =>
    (
      (await app.call('GET', '/audit?limit=100', admin)).body.items as Array<{
        action: string;
        target: string;
      }>
    ).filter((entry) => entry.action.startsWith('alert_rule.'));

  it('lets support read the rules but not change them, and refuses technicians and anonymous callers', async () => {
    const listed = await app.call('GET', '/alert-rules', support);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: { name: string }) => r.name)).toEqual([
      'Support: the whole fleet',
      'Technicians: their regions',
      'Account managers: their merchants',
    ]);
    const first = listed.body.items[0] as { id: string };
    expect((await app.call('GET', `/alert-rules/${first.id}`, support)).body).toEqual(first);
    expect((await app.call('POST', '/alert-rules', support, PAGING)).status).toBe(403);
    expect((await app.call('PATCH', `/alert-rules/${first.id}`, support, { enabled: false })).status).toBe(
      403,
    );
    expect((await app.call('DELETE', `/alert-rules/${first.id}`, support)).status).toBe(403);
    expect((await app.call('GET', '/alert-rules', technician)).status).toBe(403);
    expect((await app.call('GET', '/alert-rules', '')).status).toBe(401);
  });

  it('creates a rule after the others, enabled, and audits it', async () => {
    const created = await app.call('POST', '/alert-rules', admin, PAGING);
    expect(created).toMatchObject({
      status: 201,
      body: {
        ...PAGING,
        enabled: true,
        position: 40,
        stopAfterMatch: false,
        builtIn: false,
        createdBy: 'inbox-admin',
      },
    });
    const listed = (await app.call('GET', '/alert-rules', admin)).body.items as Array<{ id: string }>;
    expect(listed.at(-1)?.id).toBe(created.body.id);
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({ action: 'alert_rule.created', target: `alert_rule:${created.body.id}` }),
    );
  });

  it('answers 400 naming each wrong field, and stores nothing', async () => {
    const before = (await app.call('GET', '/alert-rules', admin)).body.items.length as number;
    const bad = await app.call('POST', '/alert-rules', admin, {
      name: '',
      match: { ...ANY, codes: ['NO_SUCH_CAUSE'], minSeverity: 'urgent', mccMncs: ['4600'] },
      targets: { roles: ['janitor'], userIds: ['not-a-uuid'], webhookUrls: [] },
      channels: [],
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual([
      'channels',
      'colour',
      'match.codes.0',
      'match.mccMncs.0',
      'match.minSeverity',
      'name',
      'targets.roles.0',
      'targets.userIds.0',
    ]);
    const nobody = await app.call('POST', '/alert-rules', admin, {
      ...PAGING,
      targets: { roles: [], userIds: [], webhookUrls: [] },
    });
    expect(fieldsOf(nobody.body)).toEqual(['targets']);
    const hookWithoutUrl = await app.call('POST', '/alert-rules', admin, {
      ...PAGING,
      channels: ['webhook', 'sms'],
    });
    expect(fieldsOf(hookWithoutUrl.body)).toEqual(['targets.webhookUrls']);
    const unknownUser = await app.call('POST', '/alert-rules', admin, {
      ...PAGING,
      targets: { roles: [], userIds: [techId, '00000000-0000-4000-8000-000000000000'], webhookUrls: [] },
    });
    expect(unknownUser.status).toBe(400);
    expect(fieldsOf(unknownUser.body)).toEqual(['targets.userIds.1']);
    expect(fieldsOf((await app.call('GET', '/alert-rules/42', admin)).body)).toEqual(['id']);
    expect((await app.call('GET', '/alert-rules', admin)).body.items).toHaveLength(before);
  });

  it('changes only what a patch gives, checks the rule as it will be, and answers 404 for an unknown id', async () => {
    const rule = (await app.call('POST', '/alert-rules', admin, { ...PAGING, name: 'to patch' })).body as {
      id: string;
    };
    const off = await app.call('PATCH', `/alert-rules/${rule.id}`, admin, { enabled: false, position: 5 });
    expect(off).toMatchObject({
      status: 200,
      body: { ...PAGING, name: 'to patch', enabled: false, position: 5 },
    });
    // Webhook only, but the rule still names technicians: people need a channel of their own.
    const hookOnly = await app.call('PATCH', `/alert-rules/${rule.id}`, admin, { channels: ['webhook'] });
    expect(fieldsOf(hookOnly.body)).toEqual(['targets.webhookUrls', 'channels'].sort());
    expect(fieldsOf((await app.call('PATCH', `/alert-rules/${rule.id}`, admin, {})).body)).toEqual([
      '(root)',
    ]);
    expect((await app.call('GET', `/alert-rules/${rule.id}`, admin)).body).toMatchObject({ enabled: false });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await app.call('PATCH', `/alert-rules/${unknown}`, admin, { enabled: true })).status).toBe(404);
    expect((await app.call('DELETE', `/alert-rules/${unknown}`, admin)).status).toBe(404);
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({ action: 'alert_rule.updated', target: `alert_rule:${rule.id}` }),
    );
  });

  it('routes by a rule at once after it is changed or deleted over HTTP', async () => {
    const recipients = app.server.app.get(AlertRecipients);
    const alert: AlertView = {
      id: 'http-rule-alert',
      code: 'COMM_MODULE_FAULT',
      severity: 'major',
      state: 'open',
      terminalId: 'T-HTTP-1',
      region: 'Beijing',
      openedAt: new Date().toISOString(),
      lastRaisedAt: new Date().toISOString(),
      occurrences: 1,
      evidence: 'module resets',
      recommendedAction: 'replace the module',
    };
    const stop = (
      await app.call('POST', '/alert-rules', admin, {
        ...PAGING,
        name: 'stop here',
        position: 0,
        stopAfterMatch: true,
      })
    ).body as { id: string };
    expect(await recipients.of(alert)).toEqual([
      { kind: 'user', userId: techId, channels: ['sms', 'in_app'] },
    ]);
    await app.call('PATCH', `/alert-rules/${stop.id}`, admin, { channels: ['email'] });
    expect(await recipients.of(alert)).toEqual([{ kind: 'user', userId: techId, channels: ['email'] }]);
    const deleted = await app.call('DELETE', `/alert-rules/${stop.id}`, admin);
    expect(deleted).toMatchObject({ status: 200, body: { id: stop.id, name: 'stop here' } });
    expect((await app.call('GET', `/alert-rules/${stop.id}`, admin)).status).toBe(404);
    // The shipped rules again: support (all channels) and the technician (on every channel of its rule and PAGING's).
    const after = await recipients.of(alert);
    expect(after).toHaveLength(2);
    expect(after).toContainEqual({ kind: 'user', userId: techId, channels: ['email', 'sms', 'in_app'] });
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({ action: 'alert_rule.deleted', target: `alert_rule:${stop.id}` }),
    );
  });

  it('documents every route in OpenAPI, with the request schemas', () => {
    const doc = SwaggerModule.createDocument(app.server.app, new DocumentBuilder().build());
    const methods = (suffix: string) =>
      Object.keys(Object.entries(doc.paths).find(([path]) => path.endsWith(suffix))?.[1] ?? {}).sort();
    expect(methods('/alert-rules')).toEqual(['get', 'post']);
    expect(methods('/alert-rules/{id}')).toEqual(['delete', 'get', 'patch']);
    const rules = Object.entries(doc.paths).filter(([path]) => path.includes('/alert-rules'));
    expect(JSON.stringify(rules)).toMatch(/CreateAlertRuleDto[\s\S]*UpdateAlertRuleDto/);
  });
});
