import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertChange, AlertView } from '@fleet/telemetry/api/alerts';
import { alertDetailSchema, alertsResponseSchema } from '@fleet/telemetry/api/alerts';
import { incidentSignal, terminalSignal } from '../../apps/api/src/alerts/testing/alert-signal-factory';
import type { Role } from '../../apps/api/src/auth/users/role';
import { bootAlertsPlatform, type AlertsTestPlatform } from './alerts-test-platform';
import { connectSocket, type TestPlatform } from './boot-platform';

/** Shanghai/M-A is the technician's and the account manager's; Beijing/M-C is neither's. */
const TERMINALS = [
  {
    terminalId: 'AL-SH-A',
    merchantId: 'M-A',
    merchantName: 'Shop A',
    region: 'Shanghai',
    lat: 31.23,
    lon: 121.47,
  },
  {
    terminalId: 'AL-BJ-C',
    merchantId: 'M-C',
    merchantName: 'Shop C',
    region: 'Beijing',
    lat: 39.95,
    lon: 116.3,
  },
];

describe('alerts over HTTP: scope, lifecycle, bulk acknowledge, timeline, audit, socket', () => {
  let p: TestPlatform;
  let tokens: Record<Role, string>;
  let openAlert: AlertsTestPlatform['openAlert'];
  const as = (role: Role) => ({ token: tokens[role] });

  beforeAll(async () => {
    ({ p, tokens, openAlert } = await bootAlertsPlatform(TERMINALS));
  });
  afterAll(async () => {
    await p?.stop();
  });

  it('lists to each role only the alerts its scope holds; incident alerts to support and admins', async () => {
    const shanghai = await openAlert(terminalSignal('AL-SH-A', 'PAPER_OUT'));
    const beijing = await openAlert(terminalSignal('AL-BJ-C', 'SIM_EXPIRY'));
    const outage = await openAlert(incidentSignal('INC-BJ', { region: 'Beijing', mccMnc: '46000' }));
    const ids = async (role: Role) => {
      const reply = await p.call('GET', '/alerts', as(role));
      expect(reply.status).toBe(200);
      const mine = new Set([shanghai.id, beijing.id, outage.id]);
      return alertsResponseSchema
        .parse(reply.body)
        .items.filter((a) => mine.has(a.id))
        .map((a) => a.id)
        .sort();
    };
    expect(await ids('support')).toEqual([shanghai.id, beijing.id, outage.id].sort());
    expect(await ids('admin')).toEqual([shanghai.id, beijing.id, outage.id].sort());
    expect(await ids('technician')).toEqual([shanghai.id]);
    expect(await ids('account_manager')).toEqual([shanghai.id]);
    const listed = alertsResponseSchema.parse((await p.call('GET', '/alerts', as('support'))).body).items;
    expect(listed.find((a) => a.id === outage.id)).toMatchObject({
      code: 'CARRIER_OUTAGE',
      severity: 'critical',
      state: 'open',
      incidentId: 'INC-BJ',
      region: 'Beijing',
      mccMnc: '46000',
    });
    expect(listed.find((a) => a.id === shanghai.id)).toMatchObject({
      terminalId: 'AL-SH-A',
      region: 'Shanghai',
      merchantId: 'M-A',
      occurrences: 1,
    });
  });

  it('answers 404 for an alert outside the caller’s scope, to read and to change', async () => {
    const beijing = await openAlert(terminalSignal('AL-BJ-C', 'POWER'));
    for (const [method, path, body] of [
      ['GET', `/alerts/${beijing.id}`, undefined],
      ['POST', `/alerts/${beijing.id}/acknowledge`, {}],
      ['POST', `/alerts/${beijing.id}/resolve`, { reason: 'not mine' }],
    ] as const) {
      expect((await p.call(method, path, { ...as('technician'), body })).status, `${method} ${path}`).toBe(
        404,
      );
    }
    expect((await p.call('GET', `/alerts/${randomUUID()}`, as('support'))).status).toBe(404);
  });

  it('acknowledges and resolves once each, answering 409 for a change the state does not allow', async () => {
    const alert = await openAlert(terminalSignal('AL-SH-A', 'LINE_FAULT'));
    const acked = await p.call('POST', `/alerts/${alert.id}/acknowledge`, {
      ...as('technician'),
      body: { note: 'calling' },
    });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ id: alert.id, state: 'acknowledged', acknowledgeNote: 'calling' });
    expect(acked.body.acknowledgedBy).toMatch(/^matrix-technician-/);
    expect(
      (await p.call('POST', `/alerts/${alert.id}/acknowledge`, { ...as('support'), body: {} })).status,
    ).toBe(409);

    const noReason = await p.call('POST', `/alerts/${alert.id}/resolve`, { ...as('support'), body: {} });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const resolved = await p.call('POST', `/alerts/${alert.id}/resolve`, {
      ...as('support'),
      body: { reason: 'line repaired' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ state: 'resolved', resolveReason: 'line repaired' });
    expect(
      (await p.call('POST', `/alerts/${alert.id}/resolve`, { ...as('support'), body: { reason: 'x' } }))
        .status,
    ).toBe(409);
    expect(
      (await p.call('POST', `/alerts/${alert.id}/acknowledge`, { ...as('support'), body: {} })).status,
    ).toBe(409);

    const resolvedList = alertsResponseSchema.parse(
      (await p.call('GET', '/alerts?state=resolved', as('support'))).body,
    );
    expect(resolvedList.items.map((a) => a.id)).toContain(alert.id);
    expect(resolvedList.items.every((a) => a.state === 'resolved')).toBe(true);
    const bad = await p.call('GET', '/alerts?state=closed', as('support'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('state');
  });

  it('assigns to an existing user and names the field when the user does not exist', async () => {
    const alert = await openAlert(terminalSignal('AL-SH-A', 'COMM_MODULE_FAULT'));
    const users = (await p.call('GET', '/users')).body.items as Array<{ id: string; role: string }>;
    const technician = users.find((u) => u.role === 'technician')!;
    const assigned = await p.call('POST', `/alerts/${alert.id}/assign`, {
      body: { assignee: technician.id },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignee).toBe(technician.id);
    const nobody = await p.call('POST', `/alerts/${alert.id}/assign`, { body: { assignee: randomUUID() } });
    expect(nobody.status).toBe(400);
    expect(JSON.stringify(nobody.body)).toContain('assignee');
  });

  it('acknowledges many at once and lists what it skipped, within scope', async () => {
    const a = await openAlert(terminalSignal('AL-SH-A', 'WEAK_SIGNAL'));
    const b = await openAlert(terminalSignal('AL-BJ-C', 'WEAK_SIGNAL'));
    const missing = randomUUID();
    const byTechnician = await p.call('POST', '/alerts/acknowledge', {
      ...as('technician'),
      body: { ids: [a.id, b.id, missing], note: 'storm' },
    });
    expect(byTechnician.status).toBe(200);
    expect(byTechnician.body.acknowledged.map((x: AlertView) => x.id)).toEqual([a.id]);
    expect(byTechnician.body.skipped).toEqual([
      { id: b.id, reason: 'not_found' },
      { id: missing, reason: 'not_found' },
    ]);
    const bySupport = await p.call('POST', '/alerts/acknowledge', {
      ...as('support'),
      body: { ids: [a.id, b.id] },
    });
    expect(bySupport.body.acknowledged.map((x: AlertView) => x.id)).toEqual([b.id]);
    expect(bySupport.body.skipped).toEqual([{ id: a.id, reason: 'not_open' }]);
    const empty = await p.call('POST', '/alerts/acknowledge', { ...as('support'), body: { ids: [] } });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('ids');
  });

  it('shows every change on the alert’s timeline and in the audit log', async () => {
    const alert = await openAlert(terminalSignal('AL-SH-A', 'SIM_DATA_EXHAUSTION', { score: 95 }));
    expect(alert.severity).toBe('critical');
    await p.call('POST', `/alerts/${alert.id}/acknowledge`, { body: { note: 'topping up' } });
    await p.call('POST', `/alerts/${alert.id}/resolve`, { body: { reason: 'topped up' } });
    const detail = alertDetailSchema.parse(
      (await p.call('GET', `/alerts/${alert.id}`, as('technician'))).body,
    );
    expect(detail.timeline.map((e) => [e.kind, e.actor])).toEqual([
      ['opened', 'system'],
      ['acknowledged', 'admin'],
      ['resolved', 'admin'],
    ]);
    expect(detail.timeline[1]!.detail).toEqual({ note: 'topping up' });
    const audit = (await p.call('GET', '/audit?action=alert.resolved&limit=500')).body.items as Array<{
      actor: string;
      target: string;
      detail: Record<string, unknown>;
    }>;
    expect(audit.filter((e) => e.target === alert.id)).toEqual([
      expect.objectContaining({ actor: 'admin', detail: { reason: 'topped up' } }),
    ]);
  });

  it('pushes alerts.changed to the rooms of the alert’s place only', async () => {
    const admin = await connectSocket(p.platform.url, tokens.admin);
    const technician = await connectSocket(p.platform.url, tokens.technician);
    const seenByTechnician: AlertChange[] = [];
    technician.on('alerts.changed', (change: AlertChange) => seenByTechnician.push(change));
    const next = (socket: Socket, terminalId: string) =>
      new Promise<AlertChange>((resolve) =>
        socket.on('alerts.changed', (change: AlertChange) => {
          if (change.alert.terminalId === terminalId) resolve(change);
        }),
      );
    try {
      const adminSawBeijing = next(admin, 'AL-BJ-C');
      await openAlert(terminalSignal('AL-BJ-C', 'OFFLINE'));
      expect((await adminSawBeijing).kind).toBe('opened');
      const technicianSawShanghai = next(technician, 'AL-SH-A');
      const shanghai = await openAlert(terminalSignal('AL-SH-A', 'OFFLINE'));
      expect(await technicianSawShanghai).toMatchObject({
        kind: 'opened',
        alert: { id: shanghai.id },
        actor: 'system',
      });
      expect(seenByTechnician.map((c) => c.alert.terminalId)).not.toContain('AL-BJ-C');
    } finally {
      admin.close();
      technician.close();
    }
  });
});
