import { describe, expect, it } from 'vitest';
import { localDaySplits } from './local-day-split';

const d = (iso: string) => new Date(iso);

describe('localDaySplits', () => {
  it('adds the eight hours after the Shanghai midnight (16:00 UTC) to the next local day', () => {
    expect(localDaySplits('2026-11-02', '2026-11-04', 'Asia/Shanghai')).toEqual([
      {
        bucket: d('2026-11-01T00:00:00Z'),
        partFrom: d('2026-11-01T16:00:00Z'),
        partTo: d('2026-11-02T00:00:00Z'),
        partDay: '2026-11-02',
        restDay: '2026-11-01',
      },
      {
        bucket: d('2026-11-02T00:00:00Z'),
        partFrom: d('2026-11-02T16:00:00Z'),
        partTo: d('2026-11-03T00:00:00Z'),
        partDay: '2026-11-03',
        restDay: '2026-11-02',
      },
      {
        bucket: d('2026-11-03T00:00:00Z'),
        partFrom: d('2026-11-03T16:00:00Z'),
        partTo: d('2026-11-04T00:00:00Z'),
        partDay: '2026-11-04',
        restDay: '2026-11-03',
      },
    ]);
  });

  it('reads the hours before a midnight early in the UTC day (New York, 05:00 UTC) for the day before', () => {
    expect(localDaySplits('2026-11-10', '2026-11-11', 'America/New_York')?.[0]).toEqual({
      bucket: d('2026-11-10T00:00:00Z'),
      partFrom: d('2026-11-10T00:00:00Z'),
      partTo: d('2026-11-10T05:00:00Z'),
      partDay: '2026-11-09',
      restDay: '2026-11-10',
    });
  });

  it('reads whole daily buckets where local midnight is UTC midnight', () => {
    const splits = localDaySplits('2026-11-02', '2026-11-03', 'UTC')!;
    expect(splits.map((s) => [s.partFrom.getTime() === s.partTo.getTime(), s.restDay])).toEqual([
      [true, '2026-11-02'],
      [true, '2026-11-03'],
    ]);
  });

  it('gives up across a DST change that leaves a UTC day without a local midnight', () => {
    expect(localDaySplits('2026-10-23', '2026-10-28', 'Europe/London')).toBeUndefined();
  });
});
