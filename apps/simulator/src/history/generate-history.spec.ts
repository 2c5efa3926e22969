import { beforeAll, describe, expect, it } from 'vitest';
import { buildFleet } from '../fleet/build-fleet';
import { HistoryIndex, deviceTs, num } from '../test-support/history-index';
import { validate } from '../test-support/validate-at';
import { DAY, HOUR, MINUTE } from '../time';
import { generateHistory, type HistoryMessage } from './generate-history';

const now = Date.parse('2025-03-10T04:00:00Z'); // 12:00 in China
let index: HistoryIndex;

beforeAll(() => {
  const fleet = buildFleet({ size: 60, seed: 9, now, faultShare: 0.4 });
  index = new HistoryIndex(fleet, [...generateHistory({ fleet, from: now - 3 * DAY, to: now })]);
});

describe('generateHistory', () => {
  it('is deterministic: same seed and window, same messages', () => {
    const run = () => JSON.stringify([...generateHistory({ fleet: buildFleet({ size: 15, seed: 77, now }), from: now - DAY, to: now })]);
    expect(run()).toBe(run());
  });

  it('orders messages by arrival and every payload validates against protocol v1', () => {
    expect(index.messages.length).toBeGreaterThan(100_000);
    let last = 0;
    for (const m of index.messages) {
      expect(m.at).toBeGreaterThanOrEqual(last);
      last = m.at;
      const result = validate(m.topic, m.payload, m.at);
      if (!result.ok) throw new Error(`${m.topic} ${JSON.stringify(m.payload)}: ${result.detail}`);
    }
  });

  it('mixes ISO timestamps with offsets and epoch milliseconds', () => {
    const kinds = new Set(index.messages.slice(0, 5000).map((m) => (typeof m.payload.ts === 'number' ? 'epoch' : String(m.payload.ts).slice(-6))));
    expect(kinds).toContain('epoch');
    expect(kinds).toContain('+08:00');
  });

  it('counts seq +1 per terminal and channel, restarting at 0 after each boot', () => {
    for (const { terminalId } of index.fleet.labels.slice(0, 20)) {
      const beats = index.of(terminalId, 'heartbeat');
      for (let i = 1; i < beats.length; i++) {
        const [prev, cur] = [beats[i - 1] as HistoryMessage, beats[i] as HistoryMessage];
        expect([num(prev, 'seq') + 1, 0]).toContain(num(cur, 'seq'));
        if (num(cur, 'seq') === 0) expect(num(cur, 'uptimeS')).toBeLessThan(num(prev, 'uptimeS'));
      }
    }
  });

  it('shuts down cleanly at night for shops that switch off, and reconnects in the morning', () => {
    const [night] = index.withFault('nightly_shutdown');
    const statuses = index.of(night?.terminalId ?? '', 'status').map((m) => m.payload);
    expect(statuses.filter((s) => s.reason === 'shutdown').length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s.online === true).length).toBeGreaterThanOrEqual(2);
    expect(statuses.some((s) => s.reason === 'lost')).toBe(false);
  });
});

describe('fault signatures', () => {
  const lastOf = (tid: string, channel: HistoryMessage['channel']) => index.of(tid, channel).at(-1);

  it('sim data exhaustion: balance falls fast enough to reach 0 within 72 h', () => {
    for (const { terminalId } of index.withFault('sim_data_exhaustion')) {
      const sims = index.of(terminalId, 'sim');
      const [first, last] = [sims[0], sims.at(-1)];
      const burnPerDay = (num(first, 'dataBalanceMb') - num(last, 'dataBalanceMb')) / ((deviceTs(last as HistoryMessage) - deviceTs(first as HistoryMessage)) / DAY);
      expect(burnPerDay).toBeGreaterThan(100);
      expect(num(last, 'dataBalanceMb') / burnPerDay).toBeLessThan(3.2);
    }
  });

  it('slow-burning low balance lasts weeks; a recent top-up shows a jump', () => {
    for (const { terminalId } of index.withFault('sim_low_slow_burn')) {
      const sims = index.of(terminalId, 'sim');
      const burn = num(sims[0], 'dataBalanceMb') - num(sims.at(-1), 'dataBalanceMb');
      expect(num(sims.at(-1), 'dataBalanceMb')).toBeLessThan(150);
      expect(num(sims.at(-1), 'dataBalanceMb') / (burn / 3)).toBeGreaterThan(7);
    }
    for (const { terminalId } of index.withFault('sim_recent_topup')) {
      const balances = index.of(terminalId, 'sim').map((m) => num(m, 'dataBalanceMb'));
      expect(Math.min(...balances)).toBeLessThan(100);
      expect(balances.at(-1)).toBeGreaterThan(900);
    }
  });

  it('sim expiry: expiresAt within the horizon', () => {
    for (const { terminalId } of index.withFault('sim_expiry')) {
      const expiresAt = Date.parse(String(lastOf(terminalId, 'sim')?.payload.expiresAt));
      expect(expiresAt - now).toBeLessThanOrEqual(72 * HOUR);
    }
  });

  it('weak signal is persistently weak; drift steps and trends down; a brief dip recovers', () => {
    for (const { terminalId } of index.withFault('weak_signal')) {
      const readings = index.of(terminalId, 'signal').map((m) => m.payload);
      const weak = readings.filter((r) => (r.rsrpDbm !== undefined ? Number(r.rsrpDbm) < -108 : Number(r.csq) <= 8 || r.csq === 99));
      expect(weak.length / readings.length).toBeGreaterThan(0.9);
    }
    for (const { terminalId, fault } of index.withFault('signal_drift')) {
      const readings = index.of(terminalId, 'signal');
      const before = readings.filter((m) => deviceTs(m) < fault.onsetAt);
      const after = readings.filter((m) => deviceTs(m) >= fault.onsetAt);
      const mean = (ms: HistoryMessage[]) => ms.reduce((s, m) => s + num(m, 'rsrpDbm'), 0) / ms.length;
      expect(mean(after.slice(0, 6))).toBeLessThan(mean(before.slice(-6)) - 6); // the step
      expect(mean(after.slice(-6))).toBeLessThan(mean(after.slice(0, 6)) - 2); // the trend
      expect(readings.at(-1)?.payload.cellId).not.toBe(before.at(-1)?.payload.cellId);
    }
    for (const { terminalId, fault } of index.withFault('signal_brief_dip')) {
      const readings = index.of(terminalId, 'signal');
      const inDip = readings.filter((m) => deviceTs(m) >= fault.onsetAt && deviceTs(m) < (fault.endsAt ?? 0));
      if (fault.onsetAt < now - 3 * DAY || inDip.length === 0) continue; // dip before the window or while switched off
      expect(Math.max(...inDip.map((m) => num(m, 'rsrpDbm')))).toBeLessThan(num(readings.at(-1), 'rsrpDbm') - 10);
    }
  });

  it('2G csq 99 gaps are frequent but the known readings are fine', () => {
    for (const { terminalId } of index.withFault('csq_unknown_gaps')) {
      const csq = index.of(terminalId, 'signal').map((m) => num(m, 'csq'));
      expect(csq.filter((c) => c === 99).length / csq.length).toBeGreaterThan(0.1);
      expect(Math.min(...csq.filter((c) => c !== 99))).toBeGreaterThanOrEqual(9);
    }
  });

  it('silent: publishes nothing after failing, and no Last Will', () => {
    for (const { terminalId, fault } of index.withFault('silent')) {
      const after = index.of(terminalId).filter((m) => m.at >= (fault.failureAt ?? 0));
      expect(after).toEqual([]);
    }
  });

  it('lost: the Last Will ("lost") arrives at the failure, then nothing', () => {
    for (const { terminalId, fault } of index.withFault('connection_lost')) {
      const after = index.of(terminalId).filter((m) => m.at >= (fault.failureAt ?? 0));
      expect(after.map((m) => m.payload)).toEqual([expect.objectContaining({ online: false, reason: 'lost' })]);
    }
  });

  it('comm module: timeouts, comm errors, reversals and reboots while the signal is fine', () => {
    for (const { terminalId } of index.withFault('comm_module')) {
      const txn = index.of(terminalId, 'txn').slice(-40);
      expect(txn.reduce((s, m) => s + num(m, 'timeouts') + num(m, 'commErrors'), 0)).toBeGreaterThan(10);
      const codes = index.of(terminalId, 'event').map((m) => m.payload.code);
      expect(codes).toContain('REBOOT');
      expect(codes).toContain('CONN_FAIL');
      const reboot = index.of(terminalId, 'event').find((m) => m.payload.code === 'REBOOT');
      expect(num(reboot, 'seq')).toBe(0);
      expect(index.of(terminalId, 'status').some((m) => m.payload.reason === 'lost')).toBe(true);
    }
  });

  it('declines only: many declines, no comm errors, never lost', () => {
    for (const { terminalId } of index.withFault('declines_only')) {
      const txn = index.of(terminalId, 'txn');
      const declined = txn.reduce((s, m) => s + num(m, 'declined'), 0);
      const approved = txn.reduce((s, m) => s + num(m, 'approved'), 0);
      expect(declined / (declined + approved)).toBeGreaterThan(0.2);
      expect(txn.reduce((s, m) => s + num(m, 'commErrors'), 0)).toBe(0);
    }
  });

  it('line fault: lineOk false on a dial-up terminal', () => {
    for (const { terminalId } of index.withFault('line_fault')) {
      const last = lastOf(terminalId, 'signal')?.payload;
      expect(last).toMatchObject({ comm: 'dialup', lineOk: false });
    }
  });

  it('paper and battery faults show up in their channels', () => {
    for (const { terminalId } of index.withFault('paper')) {
      expect(index.of(terminalId, 'paper').some((m) => m.payload.status !== 'ok')).toBe(true);
    }
    for (const { terminalId } of index.withFault('battery_low')) {
      expect(lastOf(terminalId, 'heartbeat')?.payload).toMatchObject({ power: 'battery' });
      expect(num(lastOf(terminalId, 'heartbeat'), 'batteryPct')).toBeLessThan(20);
    }
  });

  it('store-and-forward: Last Will, then a late, shuffled flush with duplicates', () => {
    const cases = index.withFault('store_and_forward');
    expect(cases.length).toBeGreaterThan(0);
    let duplicates = 0;
    for (const { terminalId, fault } of cases) {
      expect(index.of(terminalId, 'status').some((m) => m.payload.reason === 'lost' && m.at === fault.onsetAt)).toBe(true);
      const late = index.of(terminalId).filter((m) => m.channel !== 'status' && m.at - deviceTs(m) > 10 * MINUTE);
      expect(late.length).toBeGreaterThan(3);
      const ts = late.map(deviceTs);
      expect(ts.some((t, i) => i > 0 && t < (ts[i - 1] as number))).toBe(true);
      const keys = late.map((m) => `${m.channel}/${m.payload.seq}/${m.payload.ts}`);
      duplicates += keys.length - new Set(keys).size;
    }
    expect(duplicates).toBeGreaterThan(0);
  });

  it('carrier outage: every terminal of one carrier and city drops within minutes, then returns', () => {
    const outage = index.fleet.incidents.carrierOutage;
    expect(outage?.terminalIds.length).toBeGreaterThan(0);
    for (const terminalId of outage?.terminalIds ?? []) {
      const lost = index.of(terminalId, 'status').find((m) => m.payload.reason === 'lost' && m.at >= (outage?.startAt ?? 0));
      if (index.fleet.labels.find((l) => l.terminalId === terminalId)?.faults.some((f) => f.failureAt !== undefined && f.failureAt < (outage?.startAt ?? 0) && f.endsAt === undefined && f.kind !== 'comm_module')) continue;
      expect(lost?.at).toBeLessThanOrEqual((outage?.startAt ?? 0) + 5 * MINUTE);
    }
  });

  it('host maintenance: HOST_UNREACHABLE and timeouts on several carriers at once', () => {
    const plan = index.fleet.incidents.hostMaintenance;
    const events = index.messages.filter((m) => m.channel === 'event' && m.payload.code === 'HOST_UNREACHABLE');
    expect(events.every((m) => deviceTs(m) >= (plan?.startAt ?? 0) && deviceTs(m) < (plan?.endAt ?? 0))).toBe(true);
    const carriers = new Set(
      events.map((m) => index.fleet.terminals.find((t) => t.profile.terminalId === m.terminalId)?.profile.sim?.mccMnc ?? 'fixed-line'),
    );
    expect(carriers.size).toBeGreaterThanOrEqual(3);
  });
});
