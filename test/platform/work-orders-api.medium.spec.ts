import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  techniciansResponseSchema,
  workOrdersResponseSchema,
  workOrderViewSchema,
  type WorkOrderChange,
  type WorkOrderView,
} from '@fleet/telemetry/api/work-orders';
import { AlertLifecycle } from '../../apps/api/src/alerts/alert-lifecycle';
import { terminalSignal } from '../../apps/api/src/alerts/testing/alert-signal-factory';
import { loginToken } from '../../apps/api/src/auth/testing/http-client';
import { DispatchEngine } from '../../apps/api/src/dispatch/dispatch-engine';
import { bootPlatform, connectSocket, type TestPlatform } from './boot-platform';

const TERMINALS = [
  {
    terminalId: 'WO-SH-1',
    merchantId: 'M-SH',
    merchantName: 'Shop SH',
    region: 'Shanghai',
    lat: 31.23,
    lon: 121.47,
    model: 'A920',
    comm: '4g',
  },
  {
    terminalId: 'WO-BJ-2',
    merchantId: 'M-BJ2',
    merchantName: 'Shop BJ dial-up',
    region: 'Beijing',
    lat: 39.92,
    lon: 116.41,
    model: 'S90',
    comm: 'dialup',
  },
  {
    terminalId: 'WO-BJ-1',
    merchantId: 'M-BJ',
    merchantName: 'Shop BJ',
    region: 'Beijing',
    lat: 39.91,
    lon: 116.4,
    model: 'A920',
    comm: '4g',
  },
];
const PASSWORD = 'work-order-pass-1';

describe('work orders over HTTP: transitions, 409s, scope and idempotent replay', () => {
  let p: TestPlatform;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    p = await bootPlatform();
    expect((await p.call('POST', '/terminals/import', { body: TERMINALS })).status).toBe(200);
    const users = [
      { username: 'wo-support', role: 'support' },
      {
        username: 'wo-tech-sh',
        role: 'technician',
        regions: ['Shanghai'],
        homeBase: { lat: 31.2, lon: 121.4 },
      },
      {
        username: 'wo-tech-sh2',
        role: 'technician',
        regions: ['Shanghai'],
        homeBase: { lat: 31.3, lon: 121.5 },
      },
      { username: 'wo-tech-bj', role: 'technician', regions: ['Beijing'] },
      { username: 'wo-am-sh', role: 'account_manager', merchantIds: ['M-SH'] },
    ];
    for (const user of users) {
      const created = await p.call('POST', '/users', { body: { ...user, password: PASSWORD } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      id[user.username] = created.body.id as string;
      token[user.username] = await loginToken(p.api, user.username, PASSWORD);
    }
  });
  afterAll(async () => {
    await p?.stop();
  });

  const as = (username: string) => ({ token: token[username]! });
  async function createOrder(terminalId: string): Promise<WorkOrderView> {
    const reply = await p.call('POST', '/work-orders', {
      ...as('wo-support'),
      body: { terminalId, code: 'COMM_MODULE_FAULT' },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return workOrderViewSchema.parse(reply.body);
  }
  /** Who holds the order (the load decides between the two Shanghai technicians), and the other one. */
  const holder = (order: WorkOrderView) => Object.keys(id).find((name) => id[name] === order.assignee)!;
  const other = (order: WorkOrderView) => (holder(order) === 'wo-tech-sh' ? 'wo-tech-sh2' : 'wo-tech-sh');
  const move = (orderId: string, who: string, body: Record<string, unknown>) =>
    p.call('POST', `/work-orders/${orderId}/transition`, { ...as(who), body });

  it('assigns a hand-made order to the nearest eligible technician, with parts, SLA and the terminal’s place', async () => {
    const order = await createOrder('WO-SH-1');
    expect(order).toMatchObject({
      terminalId: 'WO-SH-1',
      code: 'COMM_MODULE_FAULT',
      kind: 'repair',
      state: 'assigned',
      priority: 'next_business_day',
      assignee: id['wo-tech-sh'],
      assigneeName: 'wo-tech-sh',
      parts: ['comm_module', 'terminal_swap'],
      merchantName: 'Shop SH',
      region: 'Shanghai',
      createdBy: 'wo-support',
      slaState: 'on_track',
    });
    expect(order.transitions.map((t) => [t.from, t.to, t.actor])).toEqual([['new', 'assigned', 'system']]);
  });

  it('walks the visit one step at a time, keeps the phone’s `at`, and answers 409 with a clear message for an illegal step', async () => {
    const order = await createOrder('WO-SH-1');
    const tech = holder(order);
    const skipped = await move(order.id, tech, { to: 'on_site' });
    expect(skipped.status).toBe(409);
    expect(skipped.body.error.message).toMatch(/cannot go to on_site; it can go to accepted, rejected/);

    const at = new Date(Date.now() - 10 * 60_000).toISOString();
    for (const to of ['accepted', 'en_route', 'on_site', 'resolved']) {
      const reply = await move(order.id, tech, { to, ...(to === 'accepted' ? { at } : {}) });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body.state).toBe(to);
    }
    const done = workOrderViewSchema.parse(
      (await p.call('GET', `/work-orders/${order.id}`, as('wo-support'))).body,
    );
    expect(done.transitions.map((t) => t.to)).toEqual([
      'assigned',
      'accepted',
      'en_route',
      'on_site',
      'resolved',
    ]);
    expect(done.transitions[1]!.at).toBe(at);
    expect(Date.parse(done.transitions[1]!.recordedAt)).toBeGreaterThan(Date.parse(at));
    expect(done).toMatchObject({ confirmation: 'pending', slaState: 'met' });
    const again = await move(order.id, tech, { to: 'accepted' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/resolved cannot change any more/);
  });

  it('applies a replayed clientId once and answers the order unchanged', async () => {
    const order = await createOrder('WO-SH-1');
    const first = await move(order.id, holder(order), { to: 'accepted', clientId: 'phone-1-step-1' });
    expect(first.status).toBe(200);
    const replay = await move(order.id, holder(order), { to: 'accepted', clientId: 'phone-1-step-1' });
    expect(replay.status).toBe(200);
    expect(replay.body.state).toBe('accepted');
    expect(replay.body.transitions.filter((t: { to: string }) => t.to === 'accepted')).toHaveLength(1);
  });

  it('hands a rejected order to the next technician, who never gets it back after rejecting too', async () => {
    const order = await createOrder('WO-SH-1');
    const [firstTech, secondTech] = [holder(order), other(order)];
    const noReason = await move(order.id, firstTech, { to: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([
      { field: 'reason', message: 'is required to go to rejected' },
    ]);
    const rejected = await move(order.id, firstTech, { to: 'rejected', reason: 'on leave today' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ state: 'assigned', assignee: id[secondTech] });
    const second = await move(order.id, secondTech, { to: 'rejected', reason: 'no car' });
    expect(second.body).toMatchObject({ state: 'new' });
    expect(second.body.assignee).toBeUndefined();
    expect(second.body.transitions.map((t: { to: string }) => t.to)).toEqual([
      'assigned',
      'rejected',
      'assigned',
      'rejected',
      'new',
    ]);
  });

  it('requires a reason code for cannot_complete', async () => {
    const order = await createOrder('WO-SH-1');
    for (const to of ['accepted', 'en_route', 'on_site']) await move(order.id, holder(order), { to });
    const free = await move(order.id, holder(order), { to: 'cannot_complete', reason: 'shop shut' });
    expect(free.status).toBe(400);
    expect(free.body.error.fields[0].field).toBe('reason');
    const coded = await move(order.id, holder(order), {
      to: 'cannot_complete',
      reason: 'merchant_closed: shutters down at 14:00',
    });
    expect(coded.status).toBe(200);
    expect(coded.body).toMatchObject({
      state: 'cannot_complete',
      reason: 'merchant_closed: shutters down at 14:00',
    });
  });

  it('shows each role its slice: technicians their regions’, account managers their merchants’ read only', async () => {
    const sh = await createOrder('WO-SH-1');
    const bj = await createOrder('WO-BJ-1');
    const ids = async (who: string) =>
      workOrdersResponseSchema
        .parse((await p.call('GET', '/work-orders', as(who))).body)
        .items.map((o) => o.id);
    expect(await ids('wo-support')).toEqual(expect.arrayContaining([sh.id, bj.id]));
    expect(await ids('wo-tech-sh')).toContain(sh.id);
    expect(await ids('wo-tech-sh')).not.toContain(bj.id);
    expect(await ids('wo-tech-bj')).toEqual(expect.arrayContaining([bj.id]));
    expect(await ids('wo-am-sh')).toContain(sh.id);
    expect(await ids('wo-am-sh')).not.toContain(bj.id);

    expect((await p.call('GET', `/work-orders/${bj.id}`, as('wo-tech-sh'))).status).toBe(404);
    expect((await move(bj.id, 'wo-tech-sh', { to: 'accepted' })).status).toBe(404);
    const am = await move(sh.id, 'wo-am-sh', { to: 'accepted' });
    expect(am.status).toBe(403);
    const notMine = await move(sh.id, other(sh), { to: 'accepted' });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.message).toMatch(/not assigned to you/);
    expect(
      (await p.call('POST', '/work-orders', { ...as('wo-tech-sh'), body: { terminalId: 'WO-SH-1' } })).status,
    ).toBe(403);
  });

  it('lets support reassign only to an eligible technician, and the new one then sees it', async () => {
    const order = await createOrder('WO-SH-1');
    const wrongRegion = await p.call('POST', `/work-orders/${order.id}/assign`, {
      ...as('wo-support'),
      body: { assignee: id['wo-tech-bj'] },
    });
    expect(wrongRegion.status).toBe(400);
    expect(wrongRegion.body.error.fields[0].field).toBe('assignee');
    const moved = await p.call('POST', `/work-orders/${order.id}/assign`, {
      ...as('wo-support'),
      body: { assignee: id[other(order)] },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ state: 'assigned', assignee: id[other(order)] });
    expect(moved.body.transitions.at(-1)).toMatchObject({
      from: 'assigned',
      to: 'assigned',
      actor: 'wo-support',
      reason: `reassigned from ${holder(order)}`,
    });
    const theirs = workOrdersResponseSchema.parse(
      (await p.call('GET', '/work-orders?state=assigned', as(other(order)))).body,
    );
    expect(theirs.items.map((o) => o.id)).toContain(order.id);
  });

  it('lists a technician’s own jobs with assignee=me, and support sees every technician’s load', async () => {
    const order = await createOrder('WO-SH-1');
    const mine = workOrdersResponseSchema.parse(
      (await p.call('GET', '/work-orders?assignee=me&state=assigned,accepted', as(holder(order)))).body,
    );
    expect(mine.items.map((o) => o.id)).toContain(order.id);
    expect(new Set(mine.items.map((o) => o.assignee))).toEqual(new Set([id[holder(order)]]));
    const board = await p.call('GET', '/technicians', as('wo-support'));
    expect(board.status).toBe(200);
    const row = techniciansResponseSchema.parse(board.body).items.find((t) => t.username === holder(order));
    const held = workOrdersResponseSchema.parse(
      (
        await p.call(
          'GET',
          `/work-orders?assignee=${id[holder(order)]}&state=assigned,accepted,en_route,on_site`,
          as('wo-support'),
        )
      ).body,
    ).items.length;
    expect(row).toMatchObject({ regions: ['Shanghai'], activeOrders: held });
    expect((await p.call('GET', '/technicians', as(holder(order)))).status).toBe(403);
  });

  it('answers 400 naming the field for a bad state filter, a bad target and a future `at`', async () => {
    const badState = await p.call('GET', '/work-orders?state=open', as('wo-support'));
    expect(badState.status).toBe(400);
    expect(badState.body.error.fields[0].field).toBe('state.0');
    const order = await createOrder('WO-SH-1');
    expect((await move(order.id, holder(order), { to: 'teleported' })).body.error.fields[0].field).toBe('to');
    const future = await move(order.id, holder(order), {
      to: 'accepted',
      at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual([
      { field: 'at', message: 'is in the future; check the phone’s clock' },
    ]);
  });
  const openAlert = async (terminalId: string, code: Parameters<typeof terminalSignal>[1]) =>
    (
      await p.platform.app
        .get(AlertLifecycle)
        .openMany([{ id: randomUUID(), signal: terminalSignal(terminalId, code) }])
    )[0]!;
  const ordersOf = async (terminalId: string) =>
    workOrdersResponseSchema
      .parse((await p.call('GET', '/work-orders', as('wo-support'))).body)
      .items.filter((o) => o.terminalId === terminalId);

  it('dispatches a line fault once support records that the merchant says the line is fine', async () => {
    const alert = await openAlert('WO-BJ-2', 'LINE_FAULT');
    await p.platform.app.get(DispatchEngine).evaluate();
    expect(await ordersOf('WO-BJ-2')).toEqual([]);
    const step = await p.call('POST', `/alerts/${alert.id}/support-steps`, {
      ...as('wo-support'),
      body: { step: 'line_ok', note: 'merchant tested the line with a phone' },
    });
    expect(step.status, JSON.stringify(step.body)).toBe(201);
    expect(step.body).toMatchObject({
      alertId: alert.id,
      terminalId: 'WO-BJ-2',
      step: 'line_ok',
      by: 'wo-support',
    });
    const [order, ...more] = await ordersOf('WO-BJ-2');
    expect(more).toEqual([]);
    expect(order).toMatchObject({
      code: 'LINE_FAULT',
      alertId: alert.id,
      state: 'assigned',
      assignee: id['wo-tech-bj'],
    });
    const steps = await p.call('GET', `/alerts/${alert.id}/support-steps`, as('wo-support'));
    expect(steps.body.items.map((s: { step: string }) => s.step)).toEqual(['line_ok']);
    const bad = await p.call('POST', `/alerts/${alert.id}/support-steps`, {
      ...as('wo-support'),
      body: { step: 'prayed' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('step');
    expect(
      (
        await p.call('POST', `/alerts/${alert.id}/support-steps`, {
          ...as('wo-tech-bj'),
          body: { step: 'line_ok' },
        })
      ).status,
    ).toBe(403);
  });

  it('queues a SIM renewal for support instead of a visit, and marks it done once', async () => {
    const alert = await openAlert('WO-BJ-1', 'SIM_EXPIRY');
    await p.platform.app.get(DispatchEngine).evaluate();
    expect((await ordersOf('WO-BJ-1')).filter((o) => o.code === 'SIM_EXPIRY')).toEqual([]);
    const open = await p.call('GET', '/remote-actions?state=open', as('wo-support'));
    const action = open.body.items.find((a: { alertId: string }) => a.alertId === alert.id);
    expect(action).toMatchObject({
      kind: 'renew',
      state: 'open',
      terminalId: 'WO-BJ-1',
      merchantName: 'Shop BJ',
      region: 'Beijing',
    });
    const done = await p.call('POST', `/remote-actions/${action.id}/done`, {
      ...as('wo-support'),
      body: { note: 'renewed for a year' },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'done', doneBy: 'wo-support', note: 'renewed for a year' });
    expect(
      (await p.call('POST', `/remote-actions/${action.id}/done`, { ...as('wo-support'), body: {} })).status,
    ).toBe(409);
    expect((await p.call('GET', '/remote-actions', as('wo-tech-bj'))).status).toBe(403);
  });

  it('delivers paper only as its own kind of order, asked for by support', async () => {
    const reply = await p.call('POST', '/work-orders', {
      ...as('wo-support'),
      body: { terminalId: 'WO-BJ-2', kind: 'paper_delivery' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      kind: 'paper_delivery',
      code: 'PAPER_OUT',
      parts: ['paper_rolls'],
      recommendedAction: 'Deliver paper rolls to the shop',
    });
    const unknown = await p.call('POST', '/work-orders', {
      ...as('wo-support'),
      body: { terminalId: 'NO-SUCH' },
    });
    expect(unknown.status).toBe(404);
  });

  it('keeps technicians’ skills and home base on the users API, and assigns by them', async () => {
    const created = await p.call('POST', '/users', {
      body: {
        username: 'wo-tech-dialup',
        password: PASSWORD,
        role: 'technician',
        regions: ['Beijing'],
        skills: { models: ['S90'], comms: ['dialup'] },
        homeBase: { lat: 39.92, lon: 116.41 },
      },
    });
    expect(created.status).toBe(201);
    const read = await p.call('GET', `/users/${created.body.id}`);
    expect(read.body).toMatchObject({
      skills: { models: ['S90'], comms: ['dialup'] },
      homeBase: { lat: 39.92, lon: 116.41 },
    });
    const bad = await p.call('PATCH', `/users/${created.body.id}`, {
      body: { skills: { models: [], comms: ['carrier-pigeon'] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('skills.comms.0');
    // At the dial-up S90's door: theirs. The 4G A920 is outside their skills: the generalist's.
    const dialup = await p.call('POST', '/work-orders', {
      ...as('wo-support'),
      body: { terminalId: 'WO-BJ-2', code: 'LINE_FAULT' },
    });
    expect(dialup.body.assignee).toBe(created.body.id);
    const fourG = await p.call('POST', '/work-orders', {
      ...as('wo-support'),
      body: { terminalId: 'WO-BJ-1' },
    });
    expect(fourG.body.assignee).toBe(id['wo-tech-bj']);
    const cleared = await p.call('PATCH', `/users/${created.body.id}`, {
      body: { skills: null, homeBase: null },
    });
    expect(cleared.body.skills).toBeUndefined();
    expect(cleared.body.homeBase).toBeUndefined();
  });

  it('pushes workOrders.changed to the region’s technician and support, not to another region’s', async () => {
    const beijing = await connectSocket(p.platform.url, token['wo-tech-bj']!);
    const shanghai = await connectSocket(p.platform.url, token['wo-tech-sh']!);
    const seenInShanghai: WorkOrderChange[] = [];
    shanghai.on('workOrders.changed', (change: WorkOrderChange) => seenInShanghai.push(change));
    try {
      const received = new Promise<WorkOrderChange>((resolve) =>
        beijing.on('workOrders.changed', (change: WorkOrderChange) => {
          if (change.kind === 'assigned') resolve(change);
        }),
      );
      const created = await p.call('POST', '/work-orders', {
        ...as('wo-support'),
        body: { terminalId: 'WO-BJ-1' },
      });
      const change = await received;
      expect(change.workOrder).toMatchObject({ id: created.body.id, state: 'assigned', region: 'Beijing' });
      // A Shanghai order afterwards: once it reaches Shanghai, the Beijing one would have too.
      const shReceived = new Promise<void>((resolve) => shanghai.on('workOrders.changed', () => resolve()));
      await createOrder('WO-SH-1');
      await shReceived;
      expect(seenInShanghai.filter((c) => c.workOrder.region === 'Beijing')).toEqual([]);
    } finally {
      beijing.disconnect();
      shanghai.disconnect();
    }
  });
});
