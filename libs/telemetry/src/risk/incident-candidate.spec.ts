import { describe, expect, it } from 'vitest';
import { assessTerminal } from './assess';
import { DEFAULT_RISK_CONFIG } from './config';
import { detectOffline } from './detect-offline';
import { event, heartbeats, HOUR, makeHistory, MINUTE, NOW, txns } from './fixtures/make-history';
import { incidentCandidate } from './incident-candidate';

const candidate = (overrides: Parameters<typeof makeHistory>[0]) =>
  incidentCandidate(makeHistory(overrides), NOW, DEFAULT_RISK_CONFIG);

describe('incidentCandidate', () => {
  const alive = heartbeats(NOW - 3 * HOUR, NOW);

  it('marks a Last Will as offline since it arrived', () => {
    const lostAt = NOW - 4 * MINUTE;
    const result = candidate({
      heartbeats: heartbeats(NOW - 3 * HOUR, lostAt - 30_000),
      status: [{ ts: lostAt, online: false, reason: 'lost' }],
    });
    expect(result).toMatchObject({
      terminalId: 'T-0001',
      mccMnc: '46000',
      region: 'north',
      failureKind: 'offline',
      failingSince: lostAt,
      online: false,
    });
  });

  it('counts a Last Will near closing time as a drop, though OFFLINE waits for the opening', () => {
    // Open 08–18 UTC for three days; the link dies at 17:50, ten minutes before closing.
    const open = (ts: number) => new Date(ts).getUTCHours() >= 8 && new Date(ts).getUTCHours() < 18;
    const lostAt = Date.parse('2024-03-06T17:50:00Z');
    const history = makeHistory({
      heartbeats: heartbeats(lostAt - 3 * 24 * HOUR, lostAt - 30_000).filter((h) => open(h.ts)),
      status: [{ ts: lostAt, online: false, reason: 'lost' }],
    });
    expect(detectOffline(history, lostAt + 5 * MINUTE, DEFAULT_RISK_CONFIG)).toBeUndefined();
    expect(incidentCandidate(history, lostAt + 5 * MINUTE, DEFAULT_RISK_CONFIG)).toMatchObject({
      failureKind: 'offline',
      failingSince: lostAt,
    });
  });

  it('does not count a clean shutdown as a failure', () => {
    const off = { ts: NOW - 2 * MINUTE, online: false, reason: 'shutdown' };
    expect(
      candidate({ heartbeats: heartbeats(NOW - 3 * HOUR, NOW - 3 * MINUTE), status: [off] }),
    ).toMatchObject({ failureKind: 'none', online: false });
  });

  it('sees the host failing from HOST_UNREACHABLE events and timeouts', () => {
    const events = [
      event(NOW - 25 * MINUTE, 'HOST_UNREACHABLE'),
      event(NOW - 5 * MINUTE, 'TXN_DECLINED', 'rc=96'),
    ];
    expect(candidate({ heartbeats: alive, events })).toMatchObject({
      failureKind: 'host',
      failingSince: NOW - 25 * MINUTE,
      online: true,
    });
    const timingOut = txns(NOW - HOUR, NOW, (ts) =>
      ts > NOW - 40 * MINUTE ? { approved: 0, timeouts: 3 } : {},
    );
    expect(candidate({ heartbeats: alive, txn: timingOut }).failureKind).toBe('host');
  });

  it('classifies the same from the causes of an assessment as by running detectOffline itself', () => {
    const histories = [
      makeHistory({ heartbeats: alive }),
      makeHistory({ heartbeats: heartbeats(NOW - 3 * HOUR, NOW - 40 * MINUTE) }),
      makeHistory({
        heartbeats: heartbeats(NOW - 3 * HOUR, NOW - 4 * MINUTE),
        status: [{ ts: NOW - 4 * MINUTE + 30_000, online: false, reason: 'lost' }],
      }),
      makeHistory({
        heartbeats: heartbeats(NOW - 3 * HOUR, NOW - 3 * MINUTE),
        status: [{ ts: NOW - 2 * MINUTE, online: false, reason: 'shutdown' }],
      }),
    ];
    const kinds = histories.map((history) => {
      const { causes } = assessTerminal(history, NOW, DEFAULT_RISK_CONFIG);
      const given = incidentCandidate(history, NOW, DEFAULT_RISK_CONFIG, causes);
      expect(given).toEqual(incidentCandidate(history, NOW, DEFAULT_RISK_CONFIG));
      return given.failureKind;
    });
    expect(kinds).toEqual(['none', 'offline', 'offline', 'none']);
  });

  it('lets a host problem that is over, or mere declines, pass', () => {
    expect(
      candidate({ heartbeats: alive, events: [event(NOW - 3 * HOUR, 'HOST_UNREACHABLE')] }).failureKind,
    ).toBe('none');
    expect(
      candidate({ heartbeats: alive, txn: txns(NOW - HOUR, NOW, () => ({ approved: 0, declined: 6 })) })
        .failureKind,
    ).toBe('none');
  });
});
