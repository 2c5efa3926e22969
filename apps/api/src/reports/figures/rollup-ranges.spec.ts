import { describe, expect, it } from 'vitest';
import { rollupRanges } from './rollup-ranges';

const d = (iso: string) => new Date(iso);

describe('rollupRanges', () => {
  it('reads whole UTC days from daily buckets and the Shanghai edges from hourly ones', () => {
    expect(rollupRanges(d('2026-10-31T16:00:00Z'), d('2026-11-07T16:00:00Z'))).toEqual({
      daily: [d('2026-11-01T00:00:00Z'), d('2026-11-07T00:00:00Z')],
      hourly: [
        [d('2026-10-31T16:00:00Z'), d('2026-11-01T00:00:00Z')],
        [d('2026-11-07T00:00:00Z'), d('2026-11-07T16:00:00Z')],
      ],
    });
  });

  it('reads a period without a whole UTC day from hourly buckets only', () => {
    expect(rollupRanges(d('2026-11-01T16:00:00Z'), d('2026-11-02T16:00:00Z'))).toEqual({
      hourly: [[d('2026-11-01T16:00:00Z'), d('2026-11-02T16:00:00Z')]],
    });
  });

  it('needs no hourly buckets for a period on UTC midnights', () => {
    expect(rollupRanges(d('2026-11-01T00:00:00Z'), d('2026-11-03T00:00:00Z'))).toEqual({
      daily: [d('2026-11-01T00:00:00Z'), d('2026-11-03T00:00:00Z')],
      hourly: [],
    });
  });
});
