import { describe, expect, it } from 'vitest';
import { addDays, isTimeZone, localDateOf, localMidnightOf } from './zoned-time';

describe('zoned time', () => {
  it('puts local midnight in Shanghai at 16:00 UTC the day before', () => {
    expect(new Date(localMidnightOf('2026-12-01', 'Asia/Shanghai')).toISOString()).toBe(
      '2026-11-30T16:00:00.000Z',
    );
  });

  it('reads the offset on the day itself across a daylight-saving change', () => {
    // Berlin: UTC+2 until 25 Oct 2026, UTC+1 after.
    expect(new Date(localMidnightOf('2026-10-25', 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-24T22:00:00.000Z',
    );
    expect(new Date(localMidnightOf('2026-10-26', 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T23:00:00.000Z',
    );
  });

  it('gives the local date of an instant', () => {
    expect(localDateOf(Date.parse('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(localDateOf(Date.parse('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
  });

  it('adds calendar days and knows real zones', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
