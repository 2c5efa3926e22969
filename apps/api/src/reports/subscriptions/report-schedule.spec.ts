import { describe, expect, it } from 'vitest';
import { latestDuePeriod, nextRunAt } from './report-schedule';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('latestDuePeriod', () => {
  it('makes the weekly report of the previous Monday–Sunday at Monday 08:00 Shanghai time', () => {
    // Monday 2026-11-16 08:00 +08:00 is 00:00 UTC.
    expect(latestDuePeriod('weekly', SHANGHAI, at('2026-11-16T00:00:00Z'))).toEqual({
      from: '2026-11-09',
      to: '2026-11-16',
      runAt: at('2026-11-16T00:00:00Z'),
    });
  });

  it('keeps the week before until Monday 08:00 local has come', () => {
    expect(latestDuePeriod('weekly', SHANGHAI, at('2026-11-15T23:59:59Z'))).toMatchObject({
      from: '2026-11-02',
      to: '2026-11-09',
    });
  });

  it('finds the week on Sunday evening too (a process down since Monday)', () => {
    expect(latestDuePeriod('weekly', SHANGHAI, at('2026-11-22T12:00:00Z'))).toMatchObject({
      from: '2026-11-09',
      to: '2026-11-16',
    });
  });

  it('makes the monthly report of the previous calendar month on the 1st at 08:00', () => {
    expect(latestDuePeriod('monthly', SHANGHAI, at('2026-12-01T00:00:00Z'))).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
      runAt: at('2026-12-01T00:00:00Z'),
    });
    expect(latestDuePeriod('monthly', SHANGHAI, at('2026-11-30T23:59:00Z'))).toMatchObject({
      from: '2026-10-01',
      to: '2026-11-01',
    });
  });

  it('crosses the year for January', () => {
    expect(latestDuePeriod('monthly', SHANGHAI, at('2027-01-05T00:00:00Z'))).toMatchObject({
      from: '2026-12-01',
      to: '2027-01-01',
    });
  });

  it('runs at 08:00 in the user zone across a daylight-saving change', () => {
    // Europe/Berlin goes to summer time on Sunday 2027-03-28: Monday 08:00 CEST is 06:00 UTC.
    expect(latestDuePeriod('weekly', 'Europe/Berlin', at('2027-03-29T06:00:00Z'))).toEqual({
      from: '2027-03-22',
      to: '2027-03-29',
      runAt: at('2027-03-29T06:00:00Z'),
    });
    expect(latestDuePeriod('weekly', 'Europe/Berlin', at('2027-03-29T05:59:00Z')).to).toBe('2027-03-22');
  });
});

describe('nextRunAt', () => {
  it('is the coming Monday 08:00 and the coming 1st 08:00', () => {
    expect(nextRunAt('weekly', SHANGHAI, at('2026-11-16T00:00:00Z'))).toBe(at('2026-11-23T00:00:00Z'));
    expect(nextRunAt('monthly', SHANGHAI, at('2026-11-10T00:00:00Z'))).toBe(at('2026-12-01T00:00:00Z'));
  });
});
