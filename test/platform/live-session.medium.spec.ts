import mqtt from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SOCKET_PATH, type SessionEndReason, type TerminalChange } from '@fleet/telemetry/live/events';
import { callJson } from '../../apps/api/src/auth/testing/http-client';
import { DATABASE, type Database } from '../../apps/api/src/storage/database';
import { SESSION_CHECK_MS } from '../../apps/api/src/live/live.gateway';
import { bootPlatform, type TestPlatform } from './boot-platform';

/**
 * Live sockets follow the session that opened them: the token's expiry, the user being
 * disabled, the user's scope. Access tokens here last 10 s so expiry can be watched.
 */

const TTL_S = 10;
const now = () => new Date().toISOString();

interface Login {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}

describe('live sockets follow their session', () => {
  let p: TestPlatform;
  let publisher: mqtt.MqttClient;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    p = await bootPlatform({ FLEET_ACCESS_TOKEN_TTL_S: String(TTL_S) });
    publisher = await mqtt.connectAsync(p.brokerUrl, {
      clientId: 'live-session-publisher',
      protocolVersion: 4,
    });
    const imported = await p.call('POST', '/terminals/import', {
      body: ['North', 'South'].map((region, i) => ({
        terminalId: `LS-${region.toUpperCase()}`,
        merchantId: `LS-M${i}`,
        merchantName: `Shop ${region}`,
        region,
        lat: 30 + i,
        lon: 120,
      })),
    });
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await publisher?.endAsync();
    await p?.stop();
  });

  const freshAdminToken = async () => (await login('admin', 'platform-test-admin')).accessToken;
  const login = async (username: string, password: string): Promise<Login> => {
    const reply = await callJson(p.api, 'POST', '/auth/login', { body: { username, password } });
    expect(reply.status).toBe(200);
    return reply.body as Login;
  };
  const createUser = async (user: Record<string, unknown>) => {
    const reply = await callJson(p.api, 'POST', '/users', { token: await freshAdminToken(), body: user });
    expect(reply.status).toBe(201);
    return reply.body as { id: string };
  };
  const patchUser = async (id: string, body: Record<string, unknown>) => {
    const reply = await callJson(p.api, 'PATCH', `/users/${id}`, { token: await freshAdminToken(), body });
    expect(reply.status).toBe(200);
  };

  /** A socket as the dashboard opens it, recording why the server ended it. */
  const open = (token: () => string) =>
    new Promise<{ socket: Socket; ended: Promise<SessionEndReason> }>((resolve, reject) => {
      const socket = io(p.platform.url, {
        path: SOCKET_PATH,
        auth: (cb) => cb({ token: token() }),
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      const ended = new Promise<SessionEndReason>((done) =>
        socket.once('session.ended', ({ reason }) => done(reason)),
      );
      socket.once('connect', () => resolve({ socket, ended }));
      socket.once('connect_error', reject);
    });
  const disconnected = (socket: Socket) =>
    new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
  const changesFor = (socket: Socket, terminalId: string) =>
    new Promise<TerminalChange>((resolve) =>
      socket.on('terminals.changed', (changes: TerminalChange[]) => {
        const change = changes.find((c) => c.terminalId === terminalId);
        if (change) resolve(change);
      }),
    );
  const heartbeat = (terminalId: string, seq: number) =>
    publisher.publishAsync(
      `fleet/v1/${terminalId}/heartbeat`,
      JSON.stringify({ ts: now(), seq, intervalS: 60, uptimeS: 100 + seq, comm: '4g', power: 'mains' }),
      { qos: 1 },
    );

  it('closes a socket whose token expired, keeps one renewed in time, and the expired one recovers with a fresh token', async () => {
    const first = await login('admin', 'platform-test-admin');
    let tokenOfLapsing = first.accessToken;
    const lapsing = await open(() => tokenOfLapsing);
    const renewed = await open(() => first.accessToken);
    const lapsingClosed = disconnected(lapsing.socket);

    // The second client refreshes every 3 s, well before each token expires, and hands the
    // socket each new token, as the dashboard does on every rotation.
    let refreshToken = first.refreshToken;
    const renewals: boolean[] = [];
    const renewing = setInterval(async () => {
      const refreshed = await callJson(p.api, 'POST', '/auth/refresh', { body: { refreshToken } });
      refreshToken = refreshed.body.refreshToken;
      renewals.push(await renewed.socket.emitWithAck('session.renew', refreshed.body.accessToken));
    }, 3_000);
    onTestFinished(() => clearInterval(renewing));

    expect(await lapsing.ended).toBe('token_expired');
    expect(await lapsingClosed).toBe('io server disconnect');
    const closedAt = Date.now();
    // The renewed socket outlives the first token by at least one more check.
    await new Promise((resolve) => setTimeout(resolve, SESSION_CHECK_MS + 1_000));
    expect(renewed.socket.connected).toBe(true);
    expect(Date.now() - closedAt).toBeGreaterThan(SESSION_CHECK_MS);
    expect(renewals.length).toBeGreaterThan(2);
    expect(renewals.every(Boolean)).toBe(true);

    // What the dashboard does on session.ended: refresh, reconnect; the stream flows again.
    tokenOfLapsing = (await login('admin', 'platform-test-admin')).accessToken;
    lapsing.socket.connect();
    await new Promise<void>((resolve) => lapsing.socket.once('connect', () => resolve()));
    const change = changesFor(lapsing.socket, 'LS-NORTH');
    await heartbeat('LS-NORTH', 0);
    expect((await change).online).toBe(true);
  }, 60_000);

  it('closes the socket of a login that was signed out, and only that login’s', async () => {
    const signedOut = await login('admin', 'platform-test-admin');
    const stays = await login('admin', 'platform-test-admin');
    const closing = await open(() => signedOut.accessToken);
    const other = await open(() => stays.accessToken);
    const reply = await callJson(p.api, 'POST', '/auth/logout', {
      token: signedOut.accessToken,
      body: { refreshToken: signedOut.refreshToken },
    });
    expect(reply.status).toBe(204);
    const startedAt = Date.now();
    expect(await closing.ended).toBe('signed_out');
    expect(Date.now() - startedAt).toBeLessThanOrEqual(SESSION_CHECK_MS + 2_000);
    expect(other.socket.connected).toBe(true);
  }, 30_000);

  it('refuses to renew a socket with another user’s token', async () => {
    const admin = await login('admin', 'platform-test-admin');
    await createUser({ username: 'ls-other', password: 'other-password-1', role: 'support' });
    const other = await login('ls-other', 'other-password-1');
    const { socket } = await open(() => admin.accessToken);
    expect(await socket.emitWithAck('session.renew', other.accessToken)).toBe(false);
    expect(await socket.emitWithAck('session.renew', 'not-a-token')).toBe(false);
  });

  it('closes a disabled user’s socket at once when disabled here, and within a check when disabled elsewhere', async () => {
    const here = await createUser({
      username: 'ls-disabled-here',
      password: 'support-password-1',
      role: 'support',
    });
    const elsewhere = await createUser({
      username: 'ls-disabled-away',
      password: 'support-password-2',
      role: 'support',
    });
    const hereToken = (await login('ls-disabled-here', 'support-password-1')).accessToken;
    const awayToken = (await login('ls-disabled-away', 'support-password-2')).accessToken;
    const hereSocket = await open(() => hereToken);
    const awaySocket = await open(() => awayToken);

    const startedAt = Date.now();
    await patchUser(here.id, { disabled: true });
    expect(await hereSocket.ended).toBe('user_disabled');
    // The PATCH's own process hears of it at once, not at the next periodic check.
    expect(Date.now() - startedAt).toBeLessThan(SESSION_CHECK_MS);

    // Another API process disabling the user is seen only in the users table.
    const database = p.platform.app.get<Database>(DATABASE);
    await database.db
      .updateTable('users' as never)
      .set({ disabled: true } as never)
      .where('id' as never, '=', elsewhere.id as never)
      .execute();
    const awayStarted = Date.now();
    expect(await awaySocket.ended).toBe('user_disabled');
    expect(Date.now() - awayStarted).toBeLessThanOrEqual(SESSION_CHECK_MS + 2_000);
    expect(awaySocket.socket.connected).toBe(false);
  }, 30_000);

  it('stops sending a technician the events of a region taken away, and keeps the region left', async () => {
    const tech = await createUser({
      username: 'ls-tech',
      password: 'technician-pass-1',
      role: 'technician',
      regions: ['North', 'South'],
    });
    const token = (await login('ls-tech', 'technician-pass-1')).accessToken;
    const { socket } = await open(() => token);
    expect(await socket.emitWithAck('terminal.follow', 'LS-NORTH')).toBe(true);
    const north = changesFor(socket, 'LS-NORTH');
    await heartbeat('LS-NORTH', 1);
    await north;

    const rescoped = new Promise<void>((resolve) => socket.once('session.changed', () => resolve()));
    await patchUser(tech.id, { regions: ['South'] });
    await rescoped;

    const seen: string[] = [];
    socket.on('terminals.changed', (changes: TerminalChange[]) =>
      seen.push(...changes.map((c) => c.terminalId)),
    );
    socket.on('terminal.message', (message: { terminalId: string }) =>
      seen.push(`message:${message.terminalId}`),
    );
    await heartbeat('LS-NORTH', 2);
    const south = changesFor(socket, 'LS-SOUTH');
    // Published after the North one: once South arrives, North's change would have too.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await heartbeat('LS-SOUTH', 0);
    await south;
    expect(seen).not.toContain('LS-NORTH');
    expect(seen).not.toContain('message:LS-NORTH');
    expect(await socket.emitWithAck('terminal.follow', 'LS-NORTH')).toBe(false);
  });
});
