import { describe, expect, it } from 'vitest';
import { mergeIntervals, openingIntervals, overlapMs, totalMs } from './opening-hours';

const at = (local: string) => Date.parse(`${local}+08:00`);
const H = 3_600_000;

describe('openingIntervals', () => {
  it('opens every local day from open to close, clipped to the period', () => {
    const intervals = openingIntervals(
      { open: '09:00', close: '21:00' },
      at('2026-11-02T12:00:00'),
      at('2026-11-04T00:00:00'),
    );
    expect(intervals).toEqual([
      [at('2026-11-02T12:00:00'), at('2026-11-02T21:00:00')],
      [at('2026-11-03T09:00:00'), at('2026-11-03T21:00:00')],
    ]);
  });

  it('carries a late opening past midnight into the period', () => {
    const intervals = openingIntervals(
      { open: '18:00', close: '02:00' },
      at('2026-11-02T00:00:00'),
      at('2026-11-03T00:00:00'),
    );
    expect(intervals).toEqual([
      [at('2026-11-02T00:00:00'), at('2026-11-02T02:00:00')],
      [at('2026-11-02T18:00:00'), at('2026-11-03T00:00:00')],
    ]);
    expect(totalMs(intervals)).toBe(8 * H);
  });

  it('counts the whole period for a terminal without shop hours', () => {
    expect(openingIntervals(null, 0, 5 * H)).toEqual([[0, 5 * H]]);
  });
});

describe('overlapMs and mergeIntervals', () => {
  it('measures only the part inside the opening hours', () => {
    const open = [[10 * H, 12 * H] as const, [14 * H, 16 * H] as const];
    expect(overlapMs([11 * H, 15 * H], open)).toBe(2 * H);
    expect(overlapMs([12 * H, 14 * H], open)).toBe(0);
  });

  it('merges overlapping intervals', () => {
    expect(
      mergeIntervals([
        [5, 9],
        [1, 3],
        [2, 6],
      ]),
    ).toEqual([[1, 9]]);
  });
});
