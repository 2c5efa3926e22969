import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  workOrdersResponseSchema,
  workOrderViewSchema,
  type WorkOrderView,
} from '@fleet/telemetry/api/work-orders';
import { loginToken } from '../../apps/api/src/auth/testing/http-client';
import { bootPlatform, type TestPlatform } from './boot-platform';

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
});
