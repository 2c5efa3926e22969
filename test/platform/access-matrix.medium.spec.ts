import mqtt from 'mqtt';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalChange } from '@fleet/telemetry/live/events';
import { type AccessCase, checkAccessMatrix, createRoleTokens, NOBODY } from '../../apps/api/src/auth/testing/access-matrix';
import type { Role } from '../../apps/api/src/auth/users/role';
import { bootPlatform, connectSocket, eventually, type TestPlatform } from './boot-platform';

/** Two regions and two merchants; the technician sees Shanghai, the account manager M-A. */
const TERMINALS = [
  { terminalId: 'SCOPE-SH-A', merchantId: 'M-A', merchantName: 'Shop A', region: 'Shanghai', lat: 31.23, lon: 121.47 },
  { terminalId: 'SCOPE-SH-B', merchantId: 'M-B', merchantName: 'Shop B', region: 'Shanghai', lat: 31.2, lon: 121.5 },
  { terminalId: 'SCOPE-BJ-A', merchantId: 'M-A', merchantName: 'Shop A North', region: 'Beijing', lat: 39.9, lon: 116.4 },
  { terminalId: 'SCOPE-BJ-C', merchantId: 'M-C', merchantName: 'Shop C', region: 'Beijing', lat: 39.95, lon: 116.3 },
];
const VISIBLE: Record<Role, string[]> = {
  admin: TERMINALS.map((t) => t.terminalId),
  support: TERMINALS.map((t) => t.terminalId),
  technician: ['SCOPE-SH-A', 'SCOPE-SH-B'],
  account_manager: ['SCOPE-SH-A', 'SCOPE-BJ-A'],
};
// Visible to every role, so "allowed" calls reach the handler rather than a 404.
const SHARED = 'SCOPE-SH-A';

/** Every route of the platform and who may call it. */
const ENDPOINTS: AccessCase[] = [
  { method: 'GET', path: '/health', allow: 'public' },
  { method: 'POST', path: '/auth/login', body: {}, allow: 'public' },
  { method: 'POST', path: '/auth/refresh', body: {}, allow: 'public' },
  { method: 'POST', path: '/auth/logout', body: { refreshToken: 'unknown' }, allow: 'any-role' },
  { method: 'GET', path: '/users', allow: ['admin'] },
  { method: 'POST', path: '/users', body: {}, allow: ['admin'] },
  // A well-formed id of nobody: an admin is let in and answered 404.
  { method: 'GET', path: `/users/${NOBODY}`, allow: ['admin'] },
  { method: 'PATCH', path: `/users/${NOBODY}`, body: {}, allow: ['admin'] },
  { method: 'GET', path: '/audit', allow: ['admin'] },
  { method: 'POST', path: '/terminals/import', body: [], allow: ['admin'] },
  { method: 'POST', path: `/terminals/${SHARED}/credentials`, allow: ['admin'] },
  { method: 'GET', path: '/terminals', allow: 'any-role' },
  { method: 'GET', path: '/terminals/at-risk', allow: 'any-role' },
  { method: 'GET', path: `/terminals/${SHARED}`, allow: 'any-role' },
  { method: 'GET', path: `/terminals/${SHARED}/series?range=7d`, allow: 'any-role' },
  { method: 'POST', path: `/terminals/${SHARED}/contact`, body: { note: 'matrix' }, allow: 'any-role' },
  { method: 'GET', path: '/fleet/summary', allow: 'any-role' },
  { method: 'GET', path: '/fleet/map', allow: 'any-role' },
  { method: 'GET', path: '/incidents', allow: 'any-role' },
  // Alerts: every role, within its scope; an id of nobody lets the caller in and answers 404.
  { method: 'GET', path: '/alerts', allow: 'any-role' },
  { method: 'GET', path: `/alerts/${NOBODY}`, allow: 'any-role' },
  { method: 'POST', path: `/alerts/${NOBODY}/acknowledge`, body: {}, allow: 'any-role' },
  { method: 'POST', path: `/alerts/${NOBODY}/resolve`, body: { reason: 'matrix' }, allow: 'any-role' },
  { method: 'POST', path: `/alerts/${NOBODY}/assign`, body: { assignee: NOBODY }, allow: 'any-role' },
  { method: 'POST', path: '/alerts/acknowledge', body: { ids: [NOBODY] }, allow: 'any-role' },
  // Silences and maintenance windows: admin and support; bodies that fail validation still reach the handler.
  { method: 'GET', path: '/silences', allow: ['admin', 'support'] },
  { method: 'POST', path: '/silences', body: {}, allow: ['admin', 'support'] },
  { method: 'DELETE', path: `/silences/${NOBODY}`, allow: ['admin', 'support'] },
  { method: 'GET', path: '/maintenance-windows', allow: ['admin', 'support'] },
  { method: 'POST', path: '/maintenance-windows', body: {}, allow: ['admin', 'support'] },
  { method: 'PUT', path: `/maintenance-windows/${NOBODY}`, body: {}, allow: ['admin', 'support'] },
  { method: 'DELETE', path: `/maintenance-windows/${NOBODY}`, allow: ['admin', 'support'] },
  // Field dispatch: every role reads work orders within its scope; support makes, assigns and queues.
  { method: 'GET', path: '/work-orders', allow: 'any-role' },
  { method: 'GET', path: `/work-orders/${NOBODY}`, allow: 'any-role' },
  { method: 'POST', path: '/work-orders', body: {}, allow: ['admin', 'support'] },
  { method: 'POST', path: `/work-orders/${NOBODY}/transition`, body: { to: 'accepted' }, allow: 'any-role' },
  { method: 'POST', path: `/work-orders/${NOBODY}/assign`, body: { assignee: NOBODY }, allow: ['admin', 'support'] },
  { method: 'GET', path: '/remote-actions', allow: ['admin', 'support'] },
  { method: 'GET', path: '/technicians', allow: ['admin', 'support'] },
  { method: 'POST', path: `/remote-actions/${NOBODY}/done`, body: {}, allow: ['admin', 'support'] },
  { method: 'GET', path: `/alerts/${NOBODY}/support-steps`, allow: ['admin', 'support'] },
  { method: 'POST', path: `/alerts/${NOBODY}/support-steps`, body: { step: 'line_ok' }, allow: ['admin', 'support'] },
];

describe('authorization: every role against every endpoint, socket and slice', () => {
  let p: TestPlatform;
  let tokens: Record<Role, string>;
  let publisher: mqtt.MqttClient;

  beforeAll(async () => {
    p = await bootPlatform();
    expect((await p.call('POST', '/terminals/import', { body: TERMINALS })).body).toEqual({ upserted: 4 });
    tokens = await createRoleTokens(p.api, p.adminToken, { regions: ['Shanghai'], merchantIds: ['M-A'] });
    publisher = await mqtt.connectAsync(p.brokerUrl, { clientId: 'matrix-publisher', protocolVersion: 4 });
    for (const { terminalId } of TERMINALS) {
      await publisher.publishAsync(
        `fleet/v1/${terminalId}/paper`,
        JSON.stringify({ ts: new Date().toISOString(), seq: 0, status: 'out' }),
        { qos: 1 },
      );
    }
    await eventually(async () => {
      const r = await p.call('GET', '/terminals/SCOPE-BJ-C');
      return r.body?.paper ? true : undefined;
    });
  });

  afterAll(async () => {
    await publisher?.endAsync();
    await p?.stop();
  });

  it('answers anonymous callers with 401, other roles with 403 and allowed roles with data', async () => {
    expect(await checkAccessMatrix(p.api, tokens, ENDPOINTS)).toEqual([]);
  });

  it.each(Object.keys(VISIBLE) as Role[])('lists, maps and counts only what %s may see', async (role) => {
    const as = { token: tokens[role] };
    const listed = await p.call('GET', '/terminals?pageSize=500&search=SCOPE', as);
    expect(listed.body.items.map((t: { terminalId: string }) => t.terminalId).sort()).toEqual([...VISIBLE[role]].sort());
    const map = await p.call('GET', '/fleet/map', as);
    expect(map.body.ids.filter((id: string) => id.startsWith('SCOPE')).sort()).toEqual([...VISIBLE[role]].sort());
    const atRisk = await p.call('GET', '/terminals/at-risk', as);
    const outside = atRisk.body.items.filter(
      (i: { terminalId: string }) => i.terminalId.startsWith('SCOPE') && !VISIBLE[role].includes(i.terminalId),
    );
    expect(outside).toEqual([]);
    if (role === 'technician' || role === 'account_manager') {
      expect((await p.call('GET', '/fleet/summary', as)).body.total).toBe(VISIBLE[role].length);
    }
  });

  it.each(['technician', 'account_manager'] as const)('answers 404 to %s for a terminal outside its slice', async (role) => {
    const hidden = TERMINALS.map((t) => t.terminalId).find((id) => !VISIBLE[role].includes(id))!;
    const as = { token: tokens[role] };
    for (const path of [`/terminals/${hidden}`, `/terminals/${hidden}/series?range=24h`]) {
      const reply = await p.call('GET', path, as);
      expect(reply.status, path).toBe(404);
    }
    expect((await p.call('POST', `/terminals/${hidden}/contact`, { ...as, body: {} })).status).toBe(404);
  });

  it('pushes socket changes only to the rooms whose scope holds the terminal', async () => {
    const connect = (token: string) => connectSocket(p.platform.url, token);
    const admin = await connect(tokens.admin);
    const technician = await connect(tokens.technician);
    const seenByTechnician: string[] = [];
    technician.on('terminals.changed', (changes: TerminalChange[]) => seenByTechnician.push(...changes.map((c) => c.terminalId)));
    try {
      const sawFor = (socket: Socket, id: string) =>
        new Promise<void>((resolve) =>
          socket.on('terminals.changed', (changes: TerminalChange[]) => {
            if (changes.some((c) => c.terminalId === id)) resolve();
          }),
        );
      const adminSawBeijing = sawFor(admin, 'SCOPE-BJ-C');
      await publish('SCOPE-BJ-C');
      await adminSawBeijing;
      const technicianSawShanghai = sawFor(technician, 'SCOPE-SH-B');
      await publish('SCOPE-SH-B');
      await technicianSawShanghai;
      expect(seenByTechnician).toContain('SCOPE-SH-B');
      expect(seenByTechnician).not.toContain('SCOPE-BJ-C');
    } finally {
      admin.close();
      technician.close();
    }
  });

  async function publish(terminalId: string): Promise<void> {
    await publisher.publishAsync(
      `fleet/v1/${terminalId}/paper`,
      JSON.stringify({ ts: new Date().toISOString(), seq: Date.now() % 1_000_000, status: 'low' }),
      { qos: 1 },
    );
  }
});
