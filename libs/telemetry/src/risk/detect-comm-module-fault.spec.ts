import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from './config';
import { detectCommModuleFault } from './detect-comm-module-fault';
import {
  DAY,
  event,
  HOUR,
  makeHistory,
  type HistoryOverrides,
  NOW,
  signals,
  sim,
  txns,
} from './fixtures/make-history';

const healthy = (overrides: HistoryOverrides) =>
  makeHistory({
    signal: signals(NOW - DAY, NOW, () => ({})),
    sim: [sim(NOW - HOUR)],
    ...overrides,
  });
const detect = (overrides: HistoryOverrides) =>
  detectCommModuleFault(healthy(overrides), NOW, DEFAULT_RISK_CONFIG);

/** Every other 15-min window over the last day: 1 timeout and 1 comm error in 6 attempts (18 % overall). */
const failingLink = txns(NOW - DAY + 15 * 60_000, NOW, (_, i) =>
  i % 2 === 0 ? { approved: 4, timeouts: 1, commErrors: 1, reversals: 1 } : { approved: 5 },
);

describe('detectCommModuleFault', () => {
  it('flags a link that keeps timing out while signal and SIM are fine', () => {
    const cause = detect({ txn: failingLink });
    expect(cause?.code).toBe('COMM_MODULE_FAULT');
    expect(cause?.evidence).toBe(
      '96 of 528 transactions failed on the link (18%) in 24 h; 48 reversals; signal and SIM fine',
    );
    expect(cause!.score).toBeGreaterThanOrEqual(60);
  });

  it('never counts card declines as connection failures', () => {
    expect(detect({ txn: txns(NOW - DAY, NOW, () => ({ approved: 1, declined: 9 })) })).toBeUndefined();
  });

  it('ignores small numbers and a one-off burst', () => {
    expect(detect({ txn: txns(NOW - 2 * HOUR, NOW, () => ({ approved: 1, timeouts: 1 })) })).toBeUndefined();
    const burst = txns(NOW - DAY, NOW, (ts) =>
      ts > NOW - 40 * 60_000 ? { approved: 0, timeouts: 6 } : { approved: 5 },
    );
    expect(detect({ txn: burst })).toBeUndefined();
  });

  it('leaves weak signal and empty SIMs to their own causes', () => {
    expect(
      detect({ txn: failingLink, signal: signals(NOW - DAY, NOW, () => ({ rsrpDbm: -112 })) }),
    ).toBeUndefined();
    expect(detect({ txn: failingLink, sim: [sim(NOW - HOUR, { dataBalanceMb: 0 })] })).toBeUndefined();
    expect(detect({ txn: failingLink, sim: [sim(NOW - HOUR, { expiresAt: NOW - DAY })] })).toBeUndefined();
  });

  it('leaves out windows in which the host itself was unreachable', () => {
    const hostDown = failingLink
      .filter((t) => t.timeouts > 0)
      .map((t, i) => event(t.ts - 60_000, i % 2 === 0 ? 'HOST_UNREACHABLE' : 'TXN_FAIL', 'response code 91'));
    expect(detect({ txn: failingLink, events: hostDown })).toBeUndefined();
  });

  it('flags a storm of connection failures and reconnects without any sales', () => {
    const storm = [
      ...Array.from({ length: 6 }, (_, i) => event(NOW - (i + 1) * HOUR, 'CONN_FAIL')),
      ...Array.from({ length: 3 }, (_, i) => event(NOW - (i + 1) * 2 * HOUR + 60_000, 'REBOOT')),
    ];
    const cause = detect({ events: storm, status: [{ ts: NOW - 3 * HOUR, online: false, reason: 'lost' }] });
    expect(cause?.evidence).toBe('6 connection failures, 4 reconnects; signal and SIM fine');
    expect(cause!.score).toBeGreaterThanOrEqual(50);
    const nightly = [{ ts: NOW - 10 * HOUR, online: false, reason: 'shutdown' }];
    expect(detect({ events: storm.slice(0, 6), status: nightly })).toBeUndefined();
  });

  it('leaves out failures while the terminal was disconnected (a network outage, not the module)', () => {
    // Down from 6 h to 2 h ago (Last Will, then back online); every attempt failed meanwhile.
    const outage = txns(NOW - 6 * HOUR + 15 * 60_000, NOW - 2 * HOUR, () => ({ approved: 0, commErrors: 6 }));
    const after = txns(NOW - 2 * HOUR + 15 * 60_000, NOW, () => ({ approved: 6 }));
    const status = [
      { ts: NOW - 6 * HOUR, online: false, reason: 'lost' },
      { ts: NOW - 2 * HOUR, online: true },
    ];
    expect(detect({ txn: [...outage, ...after], status })).toBeUndefined();
    // The same failures with the terminal connected throughout are the module's.
    expect(detect({ txn: [...outage, ...after] })?.code).toBe('COMM_MODULE_FAULT');
  });

  it('yields to a dial-up line that fails its test', () => {
    const signal = signals(NOW - DAY, NOW, () => ({ comm: 'dialup', lineOk: false }));
    expect(detect({ txn: failingLink, signal })).toBeUndefined();
    const lineOk = signals(NOW - DAY, NOW, () => ({ comm: 'dialup', lineOk: true }));
    expect(detect({ txn: failingLink, signal: lineOk })?.code).toBe('COMM_MODULE_FAULT');
  });
});
