import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validPayload } from '../ingest/testing/terminal-messages';
import { insertUser } from '../notifications/testing/users-factory';
import { carrierOutageMessages } from '../risk/testing/carrier-outage-messages';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import type { WorkOrderChange } from '@fleet/telemetry/api/work-orders';
import type { AuthUser } from '../auth/users/role';
import { RemoteActionsService } from './remote-actions.service';
import { startDispatchPlatform, type DispatchPlatform, type Message } from './testing/dispatch-platform';
import { WorkOrderEvents } from './work-order-events';
import { WorkOrdersService } from './work-orders.service';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALL = { kind: 'all' } as const;
const run = await postgresAvailableOrSkip();

const TERMINALS = [
  {
    terminalId: 'DSP-BJ-1',
    merchantId: 'M-BJ',
    merchantName: 'Beijing Noodles',
    address: '北京市东城区王府井大街 88 号',
    region: 'Beijing',
    lat: 39.91,
    lon: 116.4,
    model: 'A920',
    comm: '4g',
  },
  {
    terminalId: 'DSP-BJ-2',
    merchantId: 'M-BJ2',
    merchantName: 'Beijing Tea',
    region: 'Beijing',
    lat: 39.93,
    lon: 116.42,
    model: 'A920',
    comm: '4g',
  },
];

/** A day of 15-minute windows up to `end`: every other one with a timeout and a comm error (a failing module). */
function linkWindows(tid: string, start: number, end: number, failing: boolean, seq0 = 0): Message[] {
  const out: Message[] = [];
  for (let ts = start, i = 0; ts <= end; ts += 15 * MIN, i++) {
    const bad = failing && i % 2 === 0;
    out.push([
      tid,
      'txn',
      validPayload(
        'txn',
        ts,
        seq0 + i,
        bad
          ? { approved: 4, declined: 0, timeouts: 1, commErrors: 1, reversals: 1 }
          : { approved: 5, declined: 0 },
      ),
    ]);
  }
  return out;
}

/** Good signal, a healthy SIM and heartbeats, so nothing but the module explains the failures. */
function healthyReports(tid: string, at: number, seq: number): Message[] {
  return [
    [tid, 'signal', validPayload('signal', at, seq, { rsrpDbm: -82, rsrqDb: -8, sinrDb: 12 })],
    [tid, 'sim', validPayload('sim', at, seq, { dataBalanceMb: 900 })],
    [tid, 'heartbeat', validPayload('heartbeat', at, seq)],
  ];
}

describe.runIf(run)('dispatch through the real ingest: MQTT → risk → alert → work order', () => {
  const clock = { now: Date.now() };
  let d: DispatchPlatform;
  let beijingTech: string;
  let shanghaiTech: string;

  beforeEach(async () => {
    clock.now = Date.now() - 30 * HOUR;
    d = await startDispatchPlatform(clock);
    await d.platform.terminals.importTerminals(TERMINALS);
    beijingTech = await d.addTechnician('bj-tech', 'Beijing', '+8613800000001', { lat: 39.99, lon: 116.3 });
    // Nearer to the merchant than the Beijing technician, but Shanghai is their territory.
    shanghaiTech = await d.addTechnician('sh-tech', 'Shanghai', '+8613800000002', {
      lat: 39.911,
      lon: 116.401,
    });
  });
  afterEach(async () => {
    await d?.close();
  });

  const service = () => d.platform.app.get(WorkOrdersService);
  const orders = async () => (await service().list(SUPPORT, ALL, { state: [], limit: 100 })).items;
  const SUPPORT: AuthUser = {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'support-1',
    role: 'support',
    regions: [],
    merchantIds: [],
  };
  const technician = (id: string): AuthUser => ({
    id,
    username: 'bj-tech',
    role: 'technician',
    regions: ['Beijing'],
    merchantIds: [],
  });

  async function commFault(tid: string): Promise<number> {
    const t0 = clock.now;
    await d.publish([
      ...healthyReports(tid, t0 - 24 * HOUR, 0),
      ...linkWindows(tid, t0 - 24 * HOUR + 15 * MIN, t0, true),
      ...healthyReports(tid, t0, 1),
    ]);
    await d.evaluateAt(t0 + 6 * MIN);
    return t0;
  }

  async function resolveVisit(orderId: string, techId: string): Promise<void> {
    for (const to of ['accepted', 'en_route', 'on_site', 'resolved'] as const)
      await service().transition(orderId, { to }, technician(techId), {
        kind: 'regions',
        regions: ['Beijing'],
      });
  }

  it('assigns a comm-module fault in Beijing to the Beijing technician, not the nearer Shanghai one, and texts them', async () => {
    await commFault('DSP-BJ-1');
    const [order, ...more] = await orders();
    expect(more).toEqual([]);
    expect(order).toMatchObject({
      terminalId: 'DSP-BJ-1',
      code: 'COMM_MODULE_FAULT',
      state: 'assigned',
      assignee: beijingTech,
      parts: ['comm_module', 'terminal_swap'],
      createdBy: 'system',
      address: '北京市东城区王府井大街 88 号',
    });
    expect(order!.alertId).toBeDefined();
    expect(order!.evidence).toMatch(/transactions failed on the link/);

    await d.deliver();
    const texted = d.sms.requests.map((r) => JSON.parse(r.body) as { phone: string; text: string });
    expect(texted.map((m) => m.phone)).toEqual(['+8613800000001']);
    expect(texted[0]!.text).toMatch(/^New job: Beijing Noodles DSP-BJ-1 — Comm module fault, due /);
    expect(shanghaiTech).not.toBe(order!.assignee);
  });

  it('confirms a resolved order once the fault has cleared in telemetry', async () => {
    const t0 = await commFault('DSP-BJ-1');
    const [order] = await orders();
    await resolveVisit(order!.id, beijingTech);
    expect((await orders())[0]).toMatchObject({ state: 'resolved', confirmation: 'pending' });

    // A day of clean windows after the new module: the failing ones age out of the risk window.
    await d.publish([
      ...linkWindows('DSP-BJ-1', t0 + 15 * MIN, t0 + 25 * HOUR, false, 200),
      ...healthyReports('DSP-BJ-1', t0 + 25 * HOUR, 2),
    ]);
    await d.evaluateAt(t0 + 25 * HOUR);
    expect((await orders())[0]).toMatchObject({
      id: order!.id,
      state: 'resolved',
      confirmation: 'confirmed',
    });
  });

  it('cancels an order nobody has accepted when the fault clears by itself before the visit', async () => {
    const t0 = await commFault('DSP-BJ-1');
    const [order] = await orders();
    expect(order!.state).toBe('assigned');
    await d.publish([
      ...linkWindows('DSP-BJ-1', t0 + 15 * MIN, t0 + 25 * HOUR, false, 200),
      ...healthyReports('DSP-BJ-1', t0 + 25 * HOUR, 2),
    ]);
    // Past the alert's clear hold: it resolves itself, and then nobody needs to go.
    await d.evaluateAt(t0 + 25 * HOUR + 11 * MIN);
    const { rows } = await sql<{ state: string; resolved_by: string }>`
      select state, resolved_by from alerts where id = ${order!.alertId!}`.execute(d.test.database.db);
    expect(rows).toEqual([{ state: 'resolved', resolved_by: 'system' }]);
    expect((await orders())[0]).toMatchObject({
      id: order!.id,
      state: 'cancelled',
      reason: 'the cause cleared before the visit',
    });
  });

  it('marks a resolved order still_failing when the fault outlasts the confirmation time, and tells support', async () => {
    const supportId = await insertUser(d.test.database, { locale: 'en' });
    const t0 = await commFault('DSP-BJ-2');
    const [order] = await orders();
    await resolveVisit(order!.id, beijingTech);
    await d.publish([
      ...linkWindows('DSP-BJ-2', t0 + 15 * MIN, t0 + 5 * HOUR, true, 200),
      ...healthyReports('DSP-BJ-2', t0 + 5 * HOUR, 2),
    ]);
    await d.evaluateAt(t0 + 5 * HOUR);
    expect((await orders())[0]).toMatchObject({ id: order!.id, confirmation: 'still_failing' });
    const { rows } = await sql<{ recipient_user_id: string; subject: string }>`
      select recipient_user_id, subject from notifications where payload->>'notice' = 'still_failing'`.execute(
      d.test.database.db,
    );
    expect(rows).toEqual([
      {
        recipient_user_id: supportId,
        subject: expect.stringMatching(/^Marked resolved, still failing: Beijing Tea DSP-BJ-2/),
      },
    ]);
  });

  it('tells support once when an order passes its due time, and shows it breached', async () => {
    const supportId = await insertUser(d.test.database, { locale: 'en' });
    await commFault('DSP-BJ-1');
    const [order] = await orders();
    expect(order!.slaState).toBe('on_track');
    const past = Date.parse(order!.slaDueAt) + MIN;
    await d.evaluateAt(past);
    await d.evaluateAt(past + HOUR);
    expect((await orders())[0]).toMatchObject({ id: order!.id, slaState: 'breached' });
    const { rows } = await sql<{ recipient_user_id: string; channel: string; subject: string }>`
      select recipient_user_id, channel, subject from notifications
      where payload->>'notice' = 'sla_breached'`.execute(d.test.database.db);
    expect(rows).toEqual([
      {
        recipient_user_id: supportId,
        channel: 'in_app',
        subject: expect.stringMatching(/^Work order overdue: Beijing Noodles DSP-BJ-1/),
      },
    ]);
    const audit = await sql<{ action: string }>`
      select action from audit_log where target = ${order!.id} and action = 'work_order.sla_breached'`.execute(
      d.test.database.db,
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('puts an order on the socket feed once, when its SLA turns at risk', async () => {
    await commFault('DSP-BJ-1');
    const [order] = await orders();
    const changes: WorkOrderChange[] = [];
    d.platform.app.get(WorkOrderEvents).onChanged((change) => changes.push(change));
    const atRisk = () => changes.filter((c) => c.kind === 'sla' && c.workOrder.slaState === 'at_risk');

    await d.evaluateAt(clock.now + MIN);
    expect(atRisk()).toEqual([]);
    const nearlyDue = Date.parse(order!.slaDueAt) - MIN;
    await d.evaluateAt(nearlyDue);
    await d.evaluateAt(nearlyDue + 30_000);
    expect(atRisk().map((c) => c.workOrder.id)).toEqual([order!.id]);
  });

  it('makes no work order for a SIM running out of data, but a top-up for support', async () => {
    const tid = 'DSP-BJ-1';
    const now = clock.now;
    const burn: Message[] = Array.from({ length: 25 }, (_, i) => [
      tid,
      'sim',
      validPayload('sim', now - (24 - i) * 2 * HOUR, i, { dataBalanceMb: 160 - i * 5 }),
    ]);
    await d.publish([...burn, [tid, 'heartbeat', validPayload('heartbeat', now, 100)]]);
    await d.evaluateAt(now + MIN);
    expect(await orders()).toEqual([]);
    const actions = (await d.platform.app.get(RemoteActionsService).list(ALL, undefined, 10)).items;
    expect(actions).toMatchObject([
      {
        kind: 'top_up',
        state: 'open',
        terminalId: tid,
        code: 'SIM_DATA_EXHAUSTION',
        iccid: '89860012345678901234',
      },
    ]);
  });

  it('makes no work order for a carrier outage, nor for its members', async () => {
    clock.now = Date.now() - 30 * MIN;
    const base = clock.now;
    const ids = ['DSP-OUT-1', 'DSP-OUT-2', 'DSP-OUT-3', 'DSP-OUT-4', 'DSP-OUT-5', 'DSP-OUT-6'];
    await d.platform.terminals.importTerminals(
      ids.map((terminalId, i) => ({
        terminalId,
        merchantId: `M-OUT-${i}`,
        merchantName: `Out ${i}`,
        region: 'Beijing',
        lat: 39.9,
        lon: 116.4,
      })),
    );
    await d.publish(carrierOutageMessages(ids, base));
    expect(d.platform.risk.incidents()).toHaveLength(1);
    await d.evaluateAt(base + 10 * MIN);
    const { rows } = await sql<{ code: string }>`select code from alerts`.execute(d.test.database.db);
    expect(rows.map((r) => r.code)).toEqual(['CARRIER_OUTAGE']);
    expect(await orders()).toEqual([]);
    expect((await d.platform.app.get(RemoteActionsService).list(ALL, undefined, 10)).items).toEqual([]);
  });
});
