import { describe, expect, it } from 'vitest';
import type { SignalSample } from '@fleet/telemetry/risk/history';
import { compactSignal, medianReading } from './signal-compaction';

const HOUR = 3_600_000;
const lte = (ts: number, rsrpDbm: number): SignalSample => ({ ts, comm: '4g', rsrpDbm, mccMnc: '46000' });

describe('signal compaction', () => {
  it('takes per-metric medians and never reads csq 99 as a level', () => {
    const m = medianReading([
      { ts: 1, comm: '2g', csq: 99 },
      { ts: 2, comm: '2g', csq: 8 },
      { ts: 3, comm: '2g', csq: 12 },
      { ts: 4, comm: '2g', csq: 99 },
    ]);
    expect(m).toMatchObject({ ts: 4, comm: '2g', csq: 10 });
    expect(medianReading([{ ts: 1, comm: '2g', csq: 99 }]).csq).toBe(99);
  });

  it('fails the line test only when most tests of the hour failed', () => {
    const tests = (oks: boolean[]) =>
      medianReading(oks.map((lineOk, i) => ({ ts: i, comm: 'dialup' as const, lineOk })));
    expect(tests([false, false, true]).lineOk).toBe(false);
    expect(tests([false, true]).lineOk).toBe(true);
  });

  it('folds old hours into one reading per link type and leaves the recent ones', () => {
    const s = [
      lte(10, -100),
      lte(20, -90),
      lte(30, -95),
      { ts: 40, comm: 'wifi' as const, wifiRssiDbm: -60 },
      lte(HOUR + 5, -80),
    ];
    const boundary = compactSignal(s, -Infinity, HOUR);
    expect(boundary).toBe(HOUR);
    expect(s).toEqual([lte(30, -95), { ts: 40, comm: 'wifi', wifiRssiDbm: -60 }, lte(HOUR + 5, -80)]);
  });
});
