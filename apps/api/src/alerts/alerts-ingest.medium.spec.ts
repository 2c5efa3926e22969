import mqtt from 'mqtt';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertChange } from '@fleet/telemetry/api/alerts';
import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import { topicFor, type Channel } from '@fleet/telemetry/protocol/topics';
import { validPayload } from '../ingest/testing/terminal-messages';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { carrierOutageMessages } from '../risk/testing/carrier-outage-messages';
import { startRiskPlatform, type RiskPlatform } from '../risk/testing/risk-test-platform';
import { AlertEngine } from './alert-engine';
import { AlertEvents } from './alert-events';
import { AlertsModule } from './alerts.module';
import { AlertsService } from './alerts.service';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALL = { kind: 'all' } as const;
const run = await postgresAvailableOrSkip();
type Message = [string, Channel, ChannelInputs[Channel]];

describe.runIf(run)('alerts through the real ingest: MQTT → risk → alert', () => {
  let test: TestDatabase;
  let platform: RiskPlatform;
  let clock = Date.now();
  let changes: AlertChange[] = [];

  // Each test on a database and an engine of its own: the clock moves differently in each.
  beforeEach(async () => {
    clock = Date.now();
    changes = [];
    test = await createTestDatabase('postgres');
    platform = await startRiskPlatform({
      database: test.database,
      risk: { now: () => clock, sweepIntervalMs: 3_600_000 },
      imports: [AlertsModule],
    });
    platform.app.get(AlertEvents).onChanged((change) => changes.push(change));
  });
  afterEach(async () => {
    await platform?.close();
    await test?.drop();
  });

  /** Publishes like a terminal (QoS 1), waits for the commit, the risk engine and the alert rules. */
  async function publish(messages: Message[]): Promise<void> {
    const before = platform.stats();
    const client = await mqtt.connectAsync(platform.brokerUrl, {
      protocolVersion: 4,
      clientId: `alerts-${Date.now()}`,
    });
    try {
      for (const [tid, channel, payload] of messages) {
        await client.publishAsync(topicFor(tid, channel), JSON.stringify(payload), { qos: 1 });
      }
    } finally {
      await client.endAsync();
    }
    await platform.ingested(before.stored + before.duplicates + before.rejected + messages.length);
    await platform.risk.settled();
    await evaluateAt(clock);
  }

  async function evaluateAt(at: number): Promise<void> {
    clock = at;
    await platform.app.get(AlertEngine).evaluate();
  }

  const allAlerts = async () => (await platform.app.get(AlertsService).list(ALL, { limit: 100 })).items;
  const simAlerts = async (terminalId: string) =>
    (await allAlerts()).filter((a) => a.terminalId === terminalId && a.code === 'SIM_DATA_EXHAUSTION');

  /** Commits, then a full risk sweep (incidents are judged there), then the alert rules. */
  async function publishAndSweep(messages: Message[]): Promise<void> {
    await publish(messages);
    await platform.caughtUp();
    await platform.risk.sweep();
    await platform.risk.settled();
    await evaluateAt(clock);
  }

  it('opens one alert when a SIM runs out of data, and resolves it by itself after the hold once topped up', async () => {
    const tid = 'ALERT-SIM-1';
    const now = clock;
    // Two days of readings every two hours, burning 60 MB a day down to about 40 MB: empty within a day.
    const burn: Message[] = Array.from({ length: 25 }, (_, i) => {
      const ts = now - (24 - i) * 2 * HOUR;
      return [tid, 'sim', validPayload('sim', ts, i, { dataBalanceMb: 160 - i * 5 })];
    });
    await publish([...burn, [tid, 'heartbeat', validPayload('heartbeat', now, 100)]]);

    const opened = await simAlerts(tid);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      state: 'open',
      occurrences: 1,
      recommendedAction: 'Top up the SIM remotely',
    });
    expect(opened[0]!.evidence).toMatch(/reaches 0/);
    expect(changes.filter((c) => c.alert.id === opened[0]!.id).map((c) => c.kind)).toEqual(['opened']);

    // More of the same traffic: still the one alert.
    await publish([[tid, 'heartbeat', validPayload('heartbeat', now + 30_000, 101)]]);
    expect(await simAlerts(tid)).toHaveLength(1);

    // The top-up: the cause goes away, but the alert waits out its hold time.
    await publish([
      [tid, 'sim', validPayload('sim', now + MIN, 200, { dataBalanceMb: 2000 })],
      [tid, 'heartbeat', validPayload('heartbeat', now + MIN, 102)],
    ]);
    await evaluateAt(now + 6 * MIN);
    expect((await simAlerts(tid)).map((a) => a.state)).toEqual(['open']);

    await evaluateAt(now + 12 * MIN);
    const [resolved] = await simAlerts(tid);
    expect(resolved).toMatchObject({ id: opened[0]!.id, state: 'resolved', resolvedBy: 'system' });
    expect(resolved!.resolveReason).toMatch(/^cause gone since /);

    const detail = await platform.app.get(AlertsService).get(resolved!.id, ALL);
    expect(detail.timeline.map((e) => e.kind)).toEqual(['opened', 'resolved']);
    const { rows } = await sql<{ action: string }>`
      select action from audit_log where target = ${resolved!.id} order by id`.execute(test.database.db);
    expect(rows.map((r) => r.action)).toEqual(['alert.opened', 'alert.resolved']);
  });

  it('makes one alert of a paper sensor flapping between out and ok ten times in an hour, resolved only once it stays ok', async () => {
    const tid = 'ALERT-FLAP-1';
    // Device time an hour and more back, so every reading is in the past when it arrives.
    const start = Date.now() - 75 * MIN;
    let seq = 0;
    // Three minutes out of paper, three minutes fine, ten times over; judged every minute.
    for (let minute = 0; minute < 60; minute += 1) {
      const at = start + minute * MIN;
      clock = at;
      if (minute % 3 === 0) {
        const status = Math.floor(minute / 3) % 2 === 0 ? 'out' : 'ok';
        await publish([
          [tid, 'paper', validPayload('paper', at, seq++, { status })],
          [tid, 'heartbeat', validPayload('heartbeat', at, seq++)],
        ]);
      } else await evaluateAt(at);
    }
    const paper = async () =>
      (await allAlerts()).filter((a) => a.terminalId === tid && a.code === 'PAPER_OUT');
    const [alert] = await paper();
    expect(await paper()).toHaveLength(1);
    expect(alert).toMatchObject({ state: 'open', occurrences: 1 });
    expect(changes.filter((c) => c.alert.id === alert!.id).map((c) => c.kind)).toEqual(['opened']);

    // Then it stays fine past the clear hold: resolved, once.
    const last = start + 59 * MIN;
    await evaluateAt(last + 11 * MIN);
    expect((await paper()).map((a) => a.state)).toEqual(['resolved']);
    expect(changes.filter((c) => c.alert.id === alert!.id).map((c) => c.kind)).toEqual([
      'opened',
      'resolved',
    ]);
  }, 120_000);

  it('makes one alert of a weak signal crossing its edge ten times in an hour, resolved only after its 30 min clear hold', async () => {
    const tid = 'ALERT-WEAK-1';
    const veryPoor = { rsrpDbm: -118, rsrqDb: -18, sinrDb: -1 };
    const good = { rsrpDbm: -80, rsrqDb: -8, sinrDb: 15 };
    // Device time: 64 min cycles of three very poor readings, then one good one 33 min later;
    // the risk engine judges "recovered" on the newest 30 min, so each good reading clears the
    // cause and the next very poor three raise it again (75% very poor over the last 6 h).
    const deviceStart = Date.now() - 12 * HOUR;
    const start = Date.now();
    let seq = 0;
    const reading = (at: number, levels: typeof good): Message => [
      tid,
      'signal',
      validPayload('signal', at, seq++, levels),
    ];
    const weak = async () =>
      (await allAlerts()).filter((a) => a.terminalId === tid && a.code === 'WEAK_SIGNAL');
    // What the risk engine says of the terminal, as the alert engine hears it.
    let weakNow = false;
    platform.risk.onChanged((event) => {
      for (const item of event.changed)
        if (item.terminalId === tid) weakNow = item.causes.some((c) => c.code === 'WEAK_SIGNAL');
      if (event.removed.includes(tid)) weakNow = false;
    });
    const seenAt: boolean[] = [];
    // On the risk engine's clock: three minutes weak, three fine, ten times over; judged every minute.
    for (let minute = 0; minute < 60; minute += 1) {
      clock = start + minute * MIN;
      const cycle = Math.floor(minute / 6);
      const cycleAt = deviceStart + cycle * 64 * MIN;
      if (minute % 6 === 0) await publish([0, 1, 2].map((m) => reading(cycleAt + m * MIN, veryPoor)));
      else if (minute % 6 === 3) await publish([reading(cycleAt + 33 * MIN, good)]);
      else await evaluateAt(clock);
      if (minute % 3 === 0) seenAt.push(weakNow);
    }
    // The risk engine did see it come and go twenty times.
    expect(seenAt).toEqual(Array.from({ length: 20 }, (_, i) => i % 2 === 0));
    const [alert] = await weak();
    expect(await weak()).toHaveLength(1);
    expect(alert).toMatchObject({ state: 'open', occurrences: 1 });
    expect(changes.filter((c) => c.alert.id === alert!.id).map((c) => c.kind)).toEqual(['opened']);

    // Fine from the last good reading on: still open at 29 min, resolved after the 30 min hold.
    const lastGood = start + 57 * MIN;
    await evaluateAt(lastGood + 29 * MIN);
    expect((await weak()).map((a) => a.state)).toEqual(['open']);
    await evaluateAt(lastGood + 31 * MIN);
    expect((await weak()).map((a) => a.state)).toEqual(['resolved']);
    expect(changes.filter((c) => c.alert.id === alert!.id).map((c) => c.kind)).toEqual([
      'opened',
      'resolved',
    ]);
  }, 180_000);

  it('raises one alert for a carrier outage and none for its members; a member still failing gets its own once it ends', async () => {
    // Played 30 minutes in the past, so the clock can move on without dating anything in the future.
    const base = Date.now() - 30 * MIN;
    clock = base;
    const ids = ['OUT-1', 'OUT-2', 'OUT-3', 'OUT-4', 'OUT-5', 'OUT-6'];
    await publishAndSweep([
      ...carrierOutageMessages(ids, base),
      // OUT-1 is also out of paper: held back while the outage lasts.
      ['OUT-1', 'paper', validPayload('paper', base - 11 * MIN, 0, { status: 'out' })],
    ]);
    expect(platform.risk.incidents()).toHaveLength(1);
    // Well past every member cause's raise time: still only the incident's alert.
    await evaluateAt(base + 5 * MIN);
    const during = await allAlerts();
    expect(during.map((a) => [a.code, a.state, a.terminalId])).toEqual([
      ['CARRIER_OUTAGE', 'open', undefined],
    ]);
    expect(during[0]).toMatchObject({ severity: 'critical', mccMnc: '46099' });

    // The carrier is back; OUT-1 still has no paper.
    await publishAndSweep(
      ids.flatMap((tid): Message[] => [
        [tid, 'status', validPayload('status', clock - MIN, 1, { online: true })],
        [tid, 'heartbeat', validPayload('heartbeat', clock - MIN / 2, 9)],
      ]),
    );
    expect(platform.risk.incidents()).toEqual([]);
    const after = await allAlerts();
    expect(
      after.filter((a) => a.terminalId !== undefined).map((a) => [a.terminalId, a.code, a.state]),
    ).toEqual([['OUT-1', 'PAPER_OUT', 'open']]);

    await evaluateAt(clock + 11 * MIN);
    const outage = (await allAlerts()).find((a) => a.code === 'CARRIER_OUTAGE');
    expect(outage).toMatchObject({ state: 'resolved', resolvedBy: 'system' });
  });

  it('keeps an alert resolved by hand resolved while its cause is still there', async () => {
    const tid = 'ALERT-SIM-2';
    const now = clock;
    await publish([
      [tid, 'heartbeat', validPayload('heartbeat', now - MIN, 0)],
      [tid, 'sim', validPayload('sim', now - MIN, 0, { dataBalanceMb: 0 })],
    ]);
    const [alert] = await simAlerts(tid);
    expect(alert?.state).toBe('open');
    await platform.app.get(AlertsService).resolve(alert!.id, 'ann', 'SIM replaced on site', ALL);
    await evaluateAt(now + 5 * MIN);
    expect((await simAlerts(tid)).map((a) => [a.id, a.state, a.occurrences])).toEqual([
      [alert!.id, 'resolved', 1],
    ]);
  });
});
