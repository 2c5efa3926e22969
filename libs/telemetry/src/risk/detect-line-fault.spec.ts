import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from './config';
import { detectLineFault } from './detect-line-fault';
import type { SignalSample } from './history';
import { DAY, HOUR, makeHistory, NOW, signal } from './fixtures/make-history';

const test = (ts: number, lineOk: boolean): SignalSample =>
  signal(ts, {
    comm: 'dialup',
    lineOk,
    rsrpDbm: undefined,
    rsrqDb: undefined,
    sinrDb: undefined,
    mccMnc: undefined,
  });
const detect = (signal: SignalSample[]) =>
  detectLineFault(
    makeHistory({ meta: { comm: 'dialup', mccMnc: undefined }, signal }),
    NOW,
    DEFAULT_RISK_CONFIG,
  );

describe('detectLineFault', () => {
  it('grows more certain with each failed test in a row', () => {
    const one = detect([test(NOW - 3 * HOUR, true), test(NOW - 2 * HOUR, true), test(NOW - HOUR, false)]);
    const three = detect([
      test(NOW - 4 * HOUR, true),
      test(NOW - 3 * HOUR, false),
      test(NOW - 2 * HOUR, false),
      test(NOW - HOUR, false),
    ]);
    expect(one?.score).toBe(55);
    expect(three?.score).toBe(85);
    expect(three?.evidence).toBe('3 line tests failed in a row, failing for ~3 h');
    expect(three?.predictedAt).toBe(NOW - 3 * HOUR);
  });

  it('forgets a failure once the line tests fine again', () => {
    expect(detect([test(NOW - 2 * HOUR, false), test(NOW - HOUR, true)])).toBeUndefined();
  });

  it('ignores stale tests and terminals that are not on dial-up', () => {
    expect(detect([test(NOW - 3 * DAY, false)])).toBeUndefined();
    const cellular = makeHistory({ signal: [signal(NOW - HOUR, { lineOk: false })] });
    expect(detectLineFault(cellular, NOW, DEFAULT_RISK_CONFIG)).toBeUndefined();
  });

  it('reads the newest test even when reports arrive out of order', () => {
    // Arrival order puts the old passing test last: reading the last-arrived report (no sort)
    // would see a pass and find nothing; the newest two tests both failed.
    const fault = detect([test(NOW - HOUR, false), test(NOW - 2 * HOUR, false), test(NOW - 3 * HOUR, true)]);
    expect(fault?.score).toBe(70);
    expect(fault?.evidenceData).toEqual({
      failedTests: 2,
      failingSince: NOW - 2 * HOUR,
      lastTestAt: NOW - HOUR,
    });
  });
});
