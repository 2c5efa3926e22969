import { describe, expect, it } from 'vitest';
import { insertSample, trimBefore, upsertBucketed } from './sorted-series';

const HOUR = 3_600_000;
const at = (...ts: number[]) => ts.map((t) => ({ ts: t }));

describe('sorted series', () => {
  it('inserts late samples in place and replaces a redelivered one', () => {
    const s = at(1, 5);
    insertSample(s, { ts: 3 });
    insertSample(s, { ts: 9 });
    insertSample(s, { ts: 5 });
    expect(s.map((x) => x.ts)).toEqual([1, 3, 5, 9]);
  });

  it('keeps the newest sample per bucket, wherever it arrives', () => {
    const s = at(10, HOUR + 10);
    upsertBucketed(s, { ts: HOUR + 50 }, HOUR);
    upsertBucketed(s, { ts: HOUR + 20 }, HOUR);
    upsertBucketed(s, { ts: 3 * HOUR }, HOUR);
    upsertBucketed(s, { ts: 2 * HOUR + 1 }, HOUR);
    expect(s.map((x) => x.ts)).toEqual([10, HOUR + 50, 2 * HOUR + 1, 3 * HOUR]);
  });

  it('trims old samples but keeps the newest ones asked for', () => {
    const s = at(1, 2, 3);
    trimBefore(s, 10, 1);
    expect(s.map((x) => x.ts)).toEqual([3]);
    trimBefore(s, 2);
    expect(s.map((x) => x.ts)).toEqual([3]);
  });
});
