import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertDetailSchema, alertsResponseSchema } from '@fleet/telemetry/api/alerts';
import {
  maintenanceWindowsResponseSchema,
  maintenanceWindowViewSchema,
  silencesResponseSchema,
  silenceViewSchema,
} from '@fleet/telemetry/api/muting';
import { terminalSignal } from '../../apps/api/src/alerts/testing/alert-signal-factory';
import type { Role } from '../../apps/api/src/auth/users/role';
import { bootAlertsPlatform, type AlertsTestPlatform } from './alerts-test-platform';
import { eventually, type TestPlatform } from './boot-platform';

const HOUR = 3_600_000;
const TERMINALS = [
  {
    terminalId: 'MU-SH-A',
    merchantId: 'M-A',
    merchantName: 'Shop A',
    region: 'Shanghai',
    lat: 31.23,
    lon: 121.47,
  },
  {
    terminalId: 'MU-BJ-C',
    merchantId: 'M-C',
    merchantName: 'Shop C',
    region: 'Beijing',
    lat: 39.95,
    lon: 116.3,
  },
];

/** The fields a 400 names, in order. */
const fieldsOf = (body: { error?: { fields?: Array<{ field: string }> } }) =>
  (body.error?.fields ?? []).map((f) => f.field);

describe('silences and maintenance windows over HTTP: validation, listing, the alerts they hold, audit', () => {
  let p: TestPlatform;
  let tokens: Record<Role, string>;
  let openAlert: AlertsTestPlatform['openAlert'];
  const as = (role: Role) => ({ token: tokens[role] });
  const listed = async (id: string) =>
    alertsResponseSchema
      .parse((await p.call('GET', '/alerts', as('support'))).body)
      .items.find((a) => a.id === id);
  const audited = async (action: string, target: string) =>
    (
      (await p.call('GET', `/audit?action=${action}&limit=500`)).body.items as Array<{
        target: string;
        actor: string;
      }>
    )
      .filter((e) => e.target === target)
      .map((e) => e.actor);

  beforeAll(async () => {
    ({ p, tokens, openAlert } = await bootAlertsPlatform(TERMINALS));
  });
  afterAll(async () => {
    await p?.stop();
  });

  it('refuses a silence without a matcher, with its end before its start, or with an unknown matcher, naming the field', async () => {
    const endsAt = new Date(Date.now() + HOUR).toISOString();
    const noMatcher = await p.call('POST', '/silences', { body: { matchers: {}, endsAt, comment: 'x' } });
    expect(noMatcher.status).toBe(400);
    expect(fieldsOf(noMatcher.body)).toEqual(['matchers']);
    const backwards = await p.call('POST', '/silences', {
      body: {
        matchers: { region: 'Beijing' },
        startsAt: endsAt,
        endsAt: new Date().toISOString(),
        comment: 'x',
      },
    });
    expect(backwards.status).toBe(400);
    expect(fieldsOf(backwards.body)).toEqual(['endsAt']);
    const typo = await p.call('POST', '/silences', {
      body: { matchers: { regoin: 'Beijing' }, endsAt, comment: 'x' },
    });
    expect(typo.status).toBe(400);
    expect(fieldsOf(typo.body)).toContain('matchers.regoin');
    const noComment = await p.call('POST', '/silences', { body: { matchers: { code: 'POWER' }, endsAt } });
    expect(fieldsOf(noComment.body)).toEqual(['comment']);
    expect((await p.call('DELETE', `/silences/${randomUUID()}`)).status).toBe(404);
    expect(fieldsOf((await p.call('DELETE', '/silences/not-an-id')).body)).toEqual(['id']);
  });

  it('silences matching alerts in their view while active, and lets them go once expired by DELETE', async () => {
    const created = await p.call('POST', '/silences', {
      ...as('support'),
      body: {
        matchers: { region: 'Beijing', code: 'PAPER_OUT' },
        endsAt: new Date(Date.now() + HOUR).toISOString(),
        comment: 'paper delivery on its way',
      },
    });
    expect(created.status).toBe(201);
    const silence = silenceViewSchema.parse(created.body);
    expect(silence).toMatchObject({ state: 'active', createdBy: expect.stringMatching(/^matrix-support-/) });
    const list = silencesResponseSchema.parse((await p.call('GET', '/silences', as('admin'))).body);
    expect(list.items.map((s) => s.id)).toContain(silence.id);

    const held = await openAlert(terminalSignal('MU-BJ-C', 'PAPER_OUT'));
    const otherCause = await openAlert(terminalSignal('MU-BJ-C', 'POWER'));
    const otherRegion = await openAlert(terminalSignal('MU-SH-A', 'PAPER_OUT'));
    // The view handed to the notifications at the change says so too.
    expect(held).toMatchObject({ silenced: true, silenceId: silence.id });
    expect(await listed(held.id)).toMatchObject({ silenced: true, silenceId: silence.id });
    const detail = alertDetailSchema.parse((await p.call('GET', `/alerts/${held.id}`)).body);
    expect(detail.silenceId).toBe(silence.id);
    expect((await listed(otherCause.id))?.silenced).toBeUndefined();
    expect((await listed(otherRegion.id))?.silenced).toBeUndefined();

    const expired = await p.call('DELETE', `/silences/${silence.id}`, as('support'));
    expect(expired.status).toBe(200);
    expect(silenceViewSchema.parse(expired.body).state).toBe('expired');
    expect((await listed(held.id))?.silenced).toBeUndefined();
    expect(await audited('silence.created', silence.id)).toEqual([expect.stringMatching(/^matrix-support-/)]);
    expect(await audited('silence.expired', silence.id)).toHaveLength(1);
  });

  it('matches a terminal alert on the carrier of its latest signal report', async () => {
    const publisher = await mqtt.connectAsync(p.brokerUrl, {
      clientId: 'muting-carrier',
      protocolVersion: 4,
    });
    const signal = { ts: new Date().toISOString(), seq: 1, comm: '4g', rsrpDbm: -90, mccMnc: '46011' };
    await publisher.publishAsync('fleet/v1/MU-SH-A/signal', JSON.stringify(signal), { qos: 1 });
    await publisher.endAsync();
    await eventually(async () =>
      (await p.call('GET', '/terminals/MU-SH-A')).body?.signal ? true : undefined,
    );
    const silence = await p.call('POST', '/silences', {
      body: {
        matchers: { mccMnc: '46011' },
        endsAt: new Date(Date.now() + HOUR).toISOString(),
        comment: 'carrier works',
      },
    });
    const onCarrier = await openAlert(terminalSignal('MU-SH-A', 'WEAK_SIGNAL'));
    const otherCarrier = await openAlert(terminalSignal('MU-BJ-C', 'WEAK_SIGNAL'));
    expect(await listed(onCarrier.id)).toMatchObject({ silenced: true, silenceId: silence.body.id });
    expect((await listed(otherCarrier.id))?.silenced).toBeUndefined();
    await p.call('DELETE', `/silences/${silence.body.id}`);
  });

  it('refuses a maintenance window without a scope or with a bad schedule, naming the field', async () => {
    const weekly = { kind: 'weekly', days: [1], start: '02:00', durationMinutes: 60 };
    const cases: Array<[unknown, string[]]> = [
      [{ scope: {}, schedule: weekly, comment: 'x' }, ['scope']],
      [{ scope: { region: 'Beijing' }, schedule: { ...weekly, days: [] }, comment: 'x' }, ['schedule.days']],
      [
        { scope: { region: 'Beijing' }, schedule: { ...weekly, days: [8] }, comment: 'x' },
        ['schedule.days.0'],
      ],
      [
        { scope: { region: 'Beijing' }, schedule: { ...weekly, start: '25:00' }, comment: 'x' },
        ['schedule.start'],
      ],
      [
        {
          scope: { mccMnc: '46000' },
          schedule: {
            kind: 'once',
            startsAt: '2026-12-07T03:00:00+08:00',
            endsAt: '2026-12-07T01:00:00+08:00',
          },
          comment: 'x',
        },
        ['schedule.endsAt'],
      ],
      [{ scope: { region: 'Beijing' }, schedule: { kind: 'sometimes' }, comment: 'x' }, ['schedule.kind']],
    ];
    for (const [body, fields] of cases) {
      const reply = await p.call('POST', '/maintenance-windows', { body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(reply.body), JSON.stringify(body)).toEqual(fields);
    }
    expect((await p.call('DELETE', `/maintenance-windows/${randomUUID()}`)).status).toBe(404);
  });

  it('holds alerts in a window’s scope while it is in effect, lists windows with activeNow, and deletes them', async () => {
    const now = Date.now();
    const inEffect = maintenanceWindowViewSchema.parse(
      (
        await p.call('POST', '/maintenance-windows', {
          ...as('support'),
          body: {
            scope: { region: 'Shanghai', merchantId: 'M-A' },
            schedule: {
              kind: 'once',
              startsAt: new Date(now - HOUR).toISOString(),
              endsAt: new Date(now + HOUR).toISOString(),
            },
            comment: 'host upgrade',
          },
        })
      ).body,
    );
    const later = await p.call('POST', '/maintenance-windows', {
      body: {
        scope: { terminalId: 'MU-BJ-C' },
        schedule: { kind: 'weekly', days: [6, 7], start: '23:00', durationMinutes: 240 },
        comment: 'weekend swaps',
      },
    });
    expect(later.status).toBe(201);
    const windows = maintenanceWindowsResponseSchema.parse(
      (await p.call('GET', '/maintenance-windows', as('admin'))).body,
    );
    expect(windows.items.find((w) => w.id === inEffect.id)).toMatchObject({
      activeNow: true,
      comment: 'host upgrade',
    });
    expect(windows.items.find((w) => w.id === later.body.id)).toMatchObject({
      schedule: { kind: 'weekly', days: [6, 7], start: '23:00', durationMinutes: 240 },
    });

    const inScope = await openAlert(terminalSignal('MU-SH-A', 'LINE_FAULT'));
    const outside = await openAlert(terminalSignal('MU-BJ-C', 'LINE_FAULT'));
    expect(await listed(inScope.id)).toMatchObject({
      silenced: true,
      maintenanceWindowId: inEffect.id,
      state: 'open',
    });
    // The technician of the region sees it listed, and why it is quiet.
    const byTechnician = alertsResponseSchema.parse((await p.call('GET', '/alerts', as('technician'))).body);
    expect(byTechnician.items.find((a) => a.id === inScope.id)?.maintenanceWindowId).toBe(inEffect.id);
    expect((await listed(outside.id))?.silenced).toBeUndefined();

    expect((await p.call('DELETE', `/maintenance-windows/${inEffect.id}`, as('support'))).status).toBe(200);
    const after = maintenanceWindowsResponseSchema.parse((await p.call('GET', '/maintenance-windows')).body);
    expect(after.items.map((w) => w.id)).not.toContain(inEffect.id);
    expect((await listed(inScope.id))?.silenced).toBeUndefined();
    expect(await audited('maintenance_window.created', inEffect.id)).toEqual([
      expect.stringMatching(/^matrix-support-/),
    ]);
    expect(await audited('maintenance_window.deleted', inEffect.id)).toHaveLength(1);
  });

  it('replaces a window with PUT (scope, schedule, comment), shows its next occurrence, and audits the change', async () => {
    const startsAt = new Date(Date.now() + 2 * HOUR);
    const endsAt = new Date(Date.now() + 3 * HOUR);
    const made = maintenanceWindowViewSchema.parse(
      (
        await p.call('POST', '/maintenance-windows', {
          body: {
            scope: { region: 'Beijing' },
            schedule: { kind: 'once', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
            comment: 'router swap',
          },
        })
      ).body,
    );
    expect(made).toMatchObject({
      activeNow: false,
      nextOccurrence: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    const weekly = { kind: 'weekly', days: [1, 2, 3, 4, 5, 6, 7], start: '03:00', durationMinutes: 90 };
    const replaced = await p.call('PUT', `/maintenance-windows/${made.id}`, {
      ...as('support'),
      body: {
        scope: { mccMnc: '46000', region: 'Beijing' },
        schedule: weekly,
        comment: 'nightly carrier work',
      },
    });
    expect(replaced.status).toBe(200);
    const view = maintenanceWindowViewSchema.parse(replaced.body);
    expect(view).toMatchObject({
      id: made.id,
      scope: { mccMnc: '46000', region: 'Beijing' },
      schedule: weekly,
      comment: 'nightly carrier work',
      createdBy: made.createdBy,
    });
    // Every day at 03:00 China time (19:00 UTC) for 90 minutes: the one running or the next, within a day.
    const next = view.nextOccurrence!;
    expect(new Date(next.startsAt).toISOString().slice(11)).toBe('19:00:00.000Z');
    expect(Date.parse(next.endsAt) - Date.parse(next.startsAt)).toBe(90 * 60_000);
    expect(Date.parse(next.endsAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(next.startsAt)).toBeLessThan(Date.now() + 24 * HOUR);
    const listed = maintenanceWindowsResponseSchema.parse((await p.call('GET', '/maintenance-windows')).body);
    expect(listed.items.find((w) => w.id === made.id)?.comment).toBe('nightly carrier work');
    expect(await audited('maintenance_window.updated', made.id)).toEqual([
      expect.stringMatching(/^matrix-support-/),
    ]);

    const bad = await p.call('PUT', `/maintenance-windows/${made.id}`, {
      body: { scope: {}, schedule: { ...weekly, days: [0] }, comment: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['scope', 'schedule.days.0']);
    const unknown = await p.call('PUT', `/maintenance-windows/${randomUUID()}`, {
      body: { scope: { region: 'Beijing' }, schedule: weekly, comment: 'x' },
    });
    expect(unknown.status).toBe(404);
    await p.call('DELETE', `/maintenance-windows/${made.id}`);
  });

  it('imports optional shop hours and names a bad one', async () => {
    const shop = { ...TERMINALS[0]!, terminalId: 'MU-SHOP', shopHours: { open: '09:00', close: '22:00' } };
    expect((await p.call('POST', '/terminals/import', { body: [shop] })).body).toEqual({ upserted: 1 });
    const bad = await p.call('POST', '/terminals/import', {
      body: [{ ...shop, shopHours: { open: '9am', close: '22:00' } }],
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['0.shopHours.open']);
  });

  it('documents the routes in OpenAPI, with the request schemas', async () => {
    const reply = await fetch(`${p.platform.url}/api/docs-json`);
    const doc = (await reply.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/silences'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/silences/{id}'] ?? {})).toEqual(['delete']);
    expect(Object.keys(doc.paths['/api/v1/maintenance-windows'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/maintenance-windows/{id}'] ?? {}).sort()).toEqual([
      'delete',
      'put',
    ]);
    expect(JSON.stringify(doc.paths['/api/v1/silences']?.post)).toMatch(/CreateSilenceDto/);
  });
});
