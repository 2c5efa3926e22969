import { sql } from 'kysely';
import mqtt from 'mqtt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import { topicFor, type Channel } from '@fleet/telemetry/protocol/topics';
import { NotFoundError } from '../common/errors/domain-error';
import { IncidentsService } from '../incidents/incidents.service';
import { validPayload } from '../ingest/testing/terminal-messages';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { makeMessage } from '../storage/testing/telemetry-factory';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { SqlTelemetryStore } from '../storage/telemetry/sql-telemetry-store';
import { ContactService } from './contact.service';
import type { RiskChangeEvent } from './risk.service';
import { startRiskPlatform, type RiskPlatform } from './testing/risk-test-platform';

const MIN = 60_000;
const run = await postgresAvailableOrSkip();
const ALL = { kind: 'all' } as const;

/** Publishes like terminals do (QoS 1) and waits until the ingestor has committed it all. */
async function publish(
  platform: RiskPlatform,
  messages: Array<[string, Channel, ChannelInputs[Channel]]>,
): Promise<void> {
  const before = platform.stats();
  const client = await mqtt.connectAsync(platform.brokerUrl, {
    protocolVersion: 4,
    clientId: `risk-test-${Date.now()}`,
  });
  try {
    for (const [tid, channel, payload] of messages) {
      await client.publishAsync(topicFor(tid, channel), JSON.stringify(payload), { qos: 1 });
    }
  } finally {
    await client.endAsync();
  }
  await platform.ingested(before.stored + before.duplicates + before.rejected + messages.length);
}

const heartbeatsUntil = (tid: string, until: number, minutes: number) =>
  Array.from(
    { length: minutes },
    (_, i) =>
      [tid, 'heartbeat', validPayload('heartbeat', until - (minutes - 1 - i) * MIN, i)] as [
        string,
        Channel,
        ChannelInputs[Channel],
      ],
  );

describe.runIf(run)('RiskService on a real database and broker', () => {
  let test: TestDatabase;
  let platform: RiskPlatform;
  let clock: number;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await test?.drop();
  });
  beforeEach(() => {
    clock = Date.now();
  });
  afterEach(async () => {
    await platform?.close();
  });

  const start = async () => {
    platform = await startRiskPlatform({
      database: test.database,
      risk: { now: () => clock, sweepIntervalMs: 3_600_000 },
    });
    return platform;
  };

  it('loads stored histories at start-up and writes their scores to terminal_latest', async () => {
    const store = new SqlTelemetryStore(test.database);
    const ts = Date.now() - MIN;
    await store.storeBatch(
      [
        makeMessage('heartbeat', { terminalId: 'L-EMPTY', ts }),
        makeMessage('sim', { terminalId: 'L-EMPTY', ts, payload: { dataBalanceMb: 0 } }),
        makeMessage('paper', { terminalId: 'L-PAPER', ts, payload: { status: 'out' } }),
        makeMessage('heartbeat', { terminalId: 'L-FINE', ts }),
      ],
      [],
    );
    await start();
    const { items } = await platform.risk.atRisk(ALL, { limit: 100 });
    const codes = new Map(items.map((i) => [i.terminalId, i.causes.map((c) => c.code)]));
    expect(codes.get('L-EMPTY')).toContain('SIM_DATA_EXHAUSTION');
    expect(codes.get('L-PAPER')).toEqual(['PAPER_OUT']);
    expect(codes.has('L-FINE')).toBe(false);
    expect(items[0]!.riskScore).toBeGreaterThanOrEqual(items[items.length - 1]!.riskScore);
  });

  it('shows an incremental update in the at-risk list at once, and tells listeners', async () => {
    await start();
    const events: RiskChangeEvent[] = [];
    platform.risk.onChanged((e) => events.push(e));
    const now = Date.now();
    await publish(platform, [
      ['I-1', 'heartbeat', validPayload('heartbeat', now - MIN, 0)],
      ['I-1', 'sim', validPayload('sim', now - MIN, 0, { dataBalanceMb: 0 })],
    ]);
    await platform.risk.settled();
    const { items } = await platform.risk.atRisk(ALL, { limit: 100, cause: 'SIM_DATA_EXHAUSTION' });
    expect(items.map((i) => i.terminalId)).toContain('I-1');
    expect(items.every((i) => i.causes.some((c) => c.code === 'SIM_DATA_EXHAUSTION'))).toBe(true);
    expect(events.flatMap((e) => e.changed).some((c) => c.terminalId === 'I-1' && c.riskScore >= 90)).toBe(
      true,
    );

    await publish(platform, [['I-1', 'sim', validPayload('sim', now, 1, { dataBalanceMb: 900 })]]);
    await platform.risk.settled();
    const after = await platform.risk.atRisk(ALL, { limit: 100 });
    expect(after.items.map((i) => i.terminalId)).not.toContain('I-1');
    expect(events.flatMap((e) => e.removed)).toContain('I-1');
  });

  it('finds a terminal gone silent on the periodic sweep', async () => {
    await start();
    const now = Date.now();
    await publish(platform, heartbeatsUntil('S-1', now, 5));
    await platform.risk.settled();
    expect((await platform.risk.atRisk(ALL, { limit: 100 })).items.map((i) => i.terminalId)).not.toContain(
      'S-1',
    );
    clock = now + 10 * MIN;
    await platform.caughtUp();
    await platform.risk.sweep();
    await platform.risk.settled();
    const item = (await platform.risk.atRisk(ALL, { limit: 100, cause: 'OFFLINE' })).items.find(
      (i) => i.terminalId === 'S-1',
    );
    expect(item?.causes[0]?.evidence).toMatch(/^silent for ~10 min/);
  });

  it('judges a replayed history at its own time, then returns to the wall clock once live data arrives', async () => {
    await start();
    const now = Date.now();
    clock = now;
    platform.risk.beginReplay();
    // History from six hours ago arrives now: at the wall clock it would look silent.
    await publish(platform, heartbeatsUntil('R-1', now - 6 * 60 * MIN, 5));
    await platform.risk.sweep();
    await platform.risk.settled();
    expect((await platform.risk.atRisk(ALL, { limit: 100 })).items.map((i) => i.terminalId)).not.toContain(
      'R-1',
    );

    platform.risk.endReplayWhenCaughtUp();
    expect(platform.risk.replaying).toBe(true);
    await publish(platform, heartbeatsUntil('R-2', now, 1));
    await platform.risk.settled();
    expect(platform.risk.replaying).toBe(false);
    await platform.caughtUp();
    await platform.risk.sweep();
    await platform.risk.settled();
    const offline = (await platform.risk.atRisk(ALL, { limit: 100, cause: 'OFFLINE' })).items.map(
      (i) => i.terminalId,
    );
    expect(offline).toContain('R-1');
  });

  it('keeps an incident while its terminals are down and ends it when they are back', async () => {
    await start();
    const now = Date.now();
    const ids = ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6'];
    await publish(
      platform,
      ids.flatMap((tid) => [
        ...heartbeatsUntil(tid, now - 10 * MIN, 3),
        [tid, 'signal', validPayload('signal', now - 12 * MIN, 0, { mccMnc: '46099' })] as [
          string,
          Channel,
          ChannelInputs[Channel],
        ],
        [tid, 'status', validPayload('status', now - 60 * MIN, 0, { online: false, reason: 'lost' })] as [
          string,
          Channel,
          ChannelInputs[Channel],
        ],
      ]),
    );
    await platform.caughtUp();
    await platform.risk.sweep();
    await platform.risk.settled();
    const incidents = platform.app.get(IncidentsService);
    const open = await incidents.list(ALL, { status: 'open', limit: 10 });
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({ code: 'CARRIER_OUTAGE', mccMnc: '46099', terminalCount: 6 });
    const detail = await incidents.get(open.items[0]!.id, ALL);
    expect(detail.memberIds).toEqual(ids);
    const member = (await platform.risk.atRisk(ALL, { limit: 100 })).items.find(
      (i) => i.terminalId === 'C-1',
    );
    expect(member?.causes.map((c) => c.code)).toContain('CARRIER_OUTAGE');

    await publish(
      platform,
      ids.flatMap((tid) => [
        [tid, 'status', validPayload('status', now - MIN, 1, { online: true })] as [
          string,
          Channel,
          ChannelInputs[Channel],
        ],
        [tid, 'heartbeat', validPayload('heartbeat', now - MIN / 2, 9)] as [
          string,
          Channel,
          ChannelInputs[Channel],
        ],
      ]),
    );
    await platform.risk.sweep();
    await platform.risk.settled();
    expect((await incidents.list(ALL, { status: 'open', limit: 10 })).items).toHaveLength(0);
    const all = await incidents.list(ALL, { status: 'all', limit: 10 });
    expect(all.items[0]).toMatchObject({ id: open.items[0]!.id, endedAt: expect.any(String) });
  });

  it('marks a merchant as contacted, within scope only', async () => {
    await start();
    await platform.terminals.importTerminals([
      {
        terminalId: 'M-N',
        merchantId: 'm-1',
        merchantName: 'North Shop',
        merchantPhone: '+86 21 5555 0101',
        region: 'north',
        lat: 1,
        lon: 2,
      },
      { terminalId: 'M-S', merchantId: 'm-2', merchantName: 'South Shop', region: 'south', lat: 3, lon: 4 },
    ]);
    const now = Date.now();
    await publish(
      platform,
      ['M-N', 'M-S'].map((tid) => [tid, 'paper', validPayload('paper', now - MIN, 0, { status: 'out' })]),
    );
    await platform.risk.settled();
    const contacts = platform.app.get(ContactService);
    const north = { kind: 'regions', regions: ['north'] } as const;
    const marker = await contacts.record('M-N', 'agent-7', 'called, sending paper', north);
    expect(marker).toMatchObject({ terminalId: 'M-N', by: 'agent-7', note: 'called, sending paper' });
    await expect(contacts.record('M-S', 'agent-7', undefined, north)).rejects.toBeInstanceOf(NotFoundError);
    await expect(contacts.record('NOPE', 'agent-7', undefined, ALL)).rejects.toBeInstanceOf(NotFoundError);

    const scoped = await platform.risk.atRisk(north, { limit: 100 });
    expect(scoped.items.map((i) => i.terminalId)).toEqual(['M-N']);
    expect(scoped.items[0]).toMatchObject({
      merchantName: 'North Shop',
      merchantPhone: '+86 21 5555 0101',
      region: 'north',
      contact: { by: 'agent-7' },
    });
    const { rows } = await sql<{ actor: string; target: string }>`
      select actor, target from audit_log where action = 'merchant.contacted'`.execute(test.database.db);
    expect(rows).toEqual([{ actor: 'agent-7', target: 'M-N' }]);
  });
});
