import mqtt from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetSummarySchema, terminalSeriesSchema } from '@fleet/telemetry/api/fleet';
import { healthViewSchema } from '@fleet/telemetry/api/health';
import { atRiskResponseSchema, incidentsResponseSchema, type AtRiskItem } from '@fleet/telemetry/api/risk';
import { terminalListViewSchema, terminalStateViewSchema } from '@fleet/telemetry/api/terminals';
import { decodeFleetMap } from '@fleet/telemetry/api/fleet-map-codec';
import { SOCKET_PATH, type TerminalChange } from '@fleet/telemetry/live/events';
import { bootPlatform, connectSocket, eventually, type TestPlatform } from './boot-platform';

const now = () => new Date().toISOString();

describe('the platform end to end: MQTT in, HTTP and socket out', () => {
  let p: TestPlatform;
  let publisher: mqtt.MqttClient;

  beforeAll(async () => {
    p = await bootPlatform();
    publisher = await mqtt.connectAsync(p.brokerUrl, {
      clientId: 'platform-spec-publisher',
      protocolVersion: 4,
    });
  });

  afterAll(async () => {
    await publisher?.endAsync();
    await p?.stop();
  });

  const publish = (terminalId: string, channel: string, payload: Record<string, unknown>) =>
    publisher.publishAsync(`fleet/v1/${terminalId}/${channel}`, JSON.stringify({ ts: now(), ...payload }), {
      qos: 1,
    });

  it('reports health once the database and broker are reachable', async () => {
    const reply = await p.call('GET', '/health', { token: undefined });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      status: 'ok',
      database: { reachable: true, mode: 'timescale', driver: 'embedded' },
      broker: { reachable: true, embedded: true },
    });
  });

  it('keeps an unknown terminal as unregistered, then registers it on import with its data', async () => {
    await publish('PLT-NEW-1', 'signal', { seq: 0, comm: '4g', rsrpDbm: -97, mccMnc: '46001' });
    const unregistered = await eventually(async () => {
      const r = await p.call('GET', '/terminals/PLT-NEW-1');
      return r.status === 200 ? r.body : undefined;
    });
    expect(unregistered).toMatchObject({ registered: false, online: true, signal: { rsrpDbm: -97 } });
    const listed = await p.call('GET', '/terminals?registered=false');
    expect(listed.body.items.map((t: { terminalId: string }) => t.terminalId)).toContain('PLT-NEW-1');

    const imported = await p.call('POST', '/terminals/import', {
      body: [
        {
          terminalId: 'PLT-NEW-1',
          merchantId: 'M1',
          merchantName: 'Tea House',
          merchantPhone: '+86 138 0013 8000',
          region: 'Shanghai',
          lat: 31.2,
          lon: 121.5,
        },
      ],
    });
    expect(imported).toMatchObject({ status: 200, body: { upserted: 1 } });
    const registered = await p.call('GET', '/terminals/PLT-NEW-1');
    expect(registered.body).toMatchObject({
      registered: true,
      merchantName: 'Tea House',
      merchantPhone: '+86 138 0013 8000',
      signal: { rsrpDbm: -97 },
    });
  });

  it('serves the latest state of every channel and its chart series', async () => {
    const id = 'PLT-STATE-1';
    await publish(id, 'heartbeat', { seq: 0, intervalS: 60, uptimeS: 10, comm: '4g', power: 'mains' });
    await publish(id, 'sim', {
      seq: 0,
      iccid: '89860012345678901234',
      dataBalanceMb: 12.5,
      expiresAt: '2027-01-31',
    });
    await publish(id, 'paper', { seq: 0, status: 'low' });
    await publish(id, 'signal', { seq: 0, comm: '4g', rsrpDbm: -101, rsrqDb: -12, sinrDb: 4 });
    const state = await eventually(async () => {
      const r = await p.call('GET', `/terminals/${id}`);
      return r.body?.paper && r.body?.sim && r.body?.signal && r.body?.heartbeat ? r.body : undefined;
    });
    expect(state).toMatchObject({
      online: true,
      sim: { dataBalanceMb: 12.5, expiresAt: '2027-01-31' },
      paper: { status: 'low' },
      signal: { rsrpDbm: -101 },
      heartbeat: { intervalS: 60, power: 'mains' },
      riskScore: expect.any(Number),
      causes: expect.any(Array),
    });
    const series = await p.call('GET', `/terminals/${id}/series?range=24h`);
    expect(series.status).toBe(200);
    expect(series.body.signal.at(-1)).toMatchObject({ rsrpDbm: -101 });
    expect(series.body.sim.at(-1)).toMatchObject({ dataBalanceMb: 12.5 });
    expect(series.body.paper).toEqual([expect.objectContaining({ status: 'low' })]);
    expect(series.body.forecast.simExpiresAt).toBe('2027-01-31');
  });

  it('answers a missing terminal with 404 and a malformed id or range with 400 naming the field', async () => {
    const missing = await p.call('GET', '/terminals/NOPE-404');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const badId = await p.call('GET', `/terminals/${encodeURIComponent('bad id;drop')}`);
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).toContain('terminalId');
    const badRange = await p.call('GET', '/terminals/PLT-STATE-1/series?range=1y');
    expect(badRange.status).toBe(400);
    expect(JSON.stringify(badRange.body)).toContain('range');
  });

  it('refuses calls without a token and imports from non-admins', async () => {
    expect((await p.call('GET', '/terminals', { token: '' })).status).toBe(401);
    expect((await p.call('GET', '/fleet/summary', { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('summarises the fleet and lists map points as columns', async () => {
    const summary = await p.call('GET', '/fleet/summary');
    expect(summary.body.total).toBeGreaterThanOrEqual(2);
    expect(summary.body.ingest.stored).toBeGreaterThan(0);
    const map = decodeFleetMap((await p.call('GET', '/fleet/map')).body);
    const i = map.ids.indexOf('PLT-NEW-1');
    expect(i).toBeGreaterThanOrEqual(0);
    expect([map.lat[i], map.lon[i], map.region[i]]).toEqual([31.2, 121.5, 'Shanghai']);
  });

  it('answers the dashboard in the shapes of the shared response schemas (libs/telemetry api)', async () => {
    const id = 'PLT-SHAPE-1';
    const imported = await p.call('POST', '/terminals/import', {
      body: [
        {
          terminalId: id,
          merchantId: 'M-SHAPE',
          merchantName: '街角茶馆',
          address: '1 Nanjing Road',
          region: 'Shanghai',
          lat: 31.23,
          lon: 121.47,
        },
      ],
    });
    expect(imported.status).toBe(200);
    await publish(id, 'heartbeat', { seq: 0, intervalS: 60, uptimeS: 10, comm: '4g', power: 'mains' });
    await publish(id, 'paper', { seq: 0, status: 'out' });
    const atRisk = await eventually(async () => {
      const parsed = atRiskResponseSchema.parse((await p.call('GET', '/terminals/at-risk?limit=500')).body);
      return parsed.items.some((i) => i.terminalId === id) ? parsed : undefined;
    });
    const item = atRisk.items.find((i) => i.terminalId === id)!;
    expect(item.causes.map((c) => c.code)).toContain('PAPER_OUT');
    // The schema keeps readable evidence data rather than dropping it.
    expect(item.causes.every((c) => c.evidenceData !== undefined)).toBe(true);

    const state = terminalStateViewSchema.parse((await p.call('GET', `/terminals/${id}`)).body);
    expect(state).toMatchObject({ merchantName: '街角茶馆', address: '1 Nanjing Road', merchantPhone: null });
    const list = terminalListViewSchema.parse((await p.call('GET', `/terminals?search=${id}`)).body);
    expect(list.items.map((t) => t.terminalId)).toEqual([id]);
    const series = terminalSeriesSchema.parse(
      (await p.call('GET', `/terminals/${id}/series?range=24h`)).body,
    );
    expect(series.paper).toEqual([expect.objectContaining({ status: 'out' })]);
    const summary = fleetSummarySchema.parse((await p.call('GET', '/fleet/summary')).body);
    expect(summary.atRiskByCause.PAPER_OUT).toBeGreaterThanOrEqual(1);
    const health = healthViewSchema.parse((await p.call('GET', '/health', { token: undefined })).body);
    expect(health.status).toBe('ok');
    const incidents = (await p.call('GET', '/incidents?status=all')).body;
    expect(() => incidentsResponseSchema.parse(incidents)).not.toThrow();
  });

  it('sends security headers, compresses large answers, refuses oversized bodies and foreign origins', async () => {
    const map = await fetch(`${p.api}/fleet/map`, {
      headers: {
        authorization: `Bearer ${p.adminToken}`,
        'accept-encoding': 'gzip',
        origin: 'https://evil.example',
      },
    });
    expect(map.headers.get('x-content-type-options')).toBe('nosniff');
    expect(map.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(map.headers.get('access-control-allow-origin')).toBeNull();
    const big = await fetch(`${p.api}/terminals/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${p.adminToken}`, 'content-type': 'application/json' },
      body: `[${'"x",'.repeat(1_200_000)}"x"]`,
    });
    expect(big.status).toBe(413);
    const summary = await fetch(`${p.api}/fleet/summary`, {
      headers: { authorization: `Bearer ${p.adminToken}`, 'accept-encoding': 'gzip' },
    });
    expect(summary.status).toBe(200);
  });

  it('exposes ingest counters to Prometheus without a token', async () => {
    const response = await fetch(`${p.platform.url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/fleet_ingest_received_total \d+/);
  });

  it('pushes terminal and risk changes to an authenticated socket, and refuses a socket without a token', async () => {
    const socket = await connectSocket(p.platform.url, p.adminToken);
    try {
      const changed = new Promise<TerminalChange[]>((resolve) =>
        socket.on('terminals.changed', (changes: TerminalChange[]) => {
          if (changes.some((c) => c.terminalId === 'PLT-LIVE-1')) resolve(changes);
        }),
      );
      const riskChanged = new Promise<AtRiskItem>((resolve) =>
        socket.on('risk.changed', (payload: { upserted: AtRiskItem[] }) => {
          const item = payload.upserted.find((i) => i.terminalId === 'PLT-LIVE-1');
          if (item) resolve(item);
        }),
      );
      const sentAt = Date.now();
      await publish('PLT-LIVE-1', 'paper', { seq: 0, status: 'out' });
      const changes = await changed;
      expect((await riskChanged).causes.map((c) => c.code)).toContain('PAPER_OUT');
      expect(changes.find((c) => c.terminalId === 'PLT-LIVE-1')).toMatchObject({ online: true });
      expect(Date.now() - sentAt).toBeLessThan(5000);
    } finally {
      socket.close();
    }

    // Following a terminal right on connect must not race the socket's authentication.
    const follower: Socket = io(p.platform.url, {
      path: SOCKET_PATH,
      auth: { token: p.adminToken },
      transports: ['websocket'],
    });
    try {
      const followed = await new Promise<boolean>((resolve) =>
        follower.once('connect', () => follower.emit('terminal.follow', 'PLT-LIVE-1', resolve)),
      );
      expect(followed).toBe(true);
      const message = new Promise<{ channel: string; payload: { status?: string } }>((resolve) =>
        follower.on('terminal.message', resolve),
      );
      await publish('PLT-LIVE-1', 'paper', { seq: 1, status: 'jam' });
      expect(await message).toMatchObject({ channel: 'paper', payload: { status: 'jam' } });
    } finally {
      follower.close();
    }

    const anonymous: Socket = io(p.platform.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve) => anonymous.once('disconnect', () => resolve()));
    anonymous.close();
  });
});
