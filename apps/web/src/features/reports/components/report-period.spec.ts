import { describe, expect, it } from 'vitest';
import { customDates, lastDayOf, localDate, presetDates } from './report-period';

const SHANGHAI = 'Asia/Shanghai';
// Monday 7 December 2026, 01:30 in Shanghai: still Sunday 6 December in UTC.
const MONDAY_EARLY = Date.parse('2026-12-06T17:30:00Z');

describe('report periods', () => {
  it('reads today in the user zone, not the browser or UTC one', () => {
    expect(localDate(MONDAY_EARLY, SHANGHAI)).toBe('2026-12-07');
    expect(localDate(MONDAY_EARLY, 'UTC')).toBe('2026-12-06');
  });

  it('starts weeks on Monday in the user zone', () => {
    expect(presetDates('this-week', MONDAY_EARLY, SHANGHAI)).toEqual({
      from: '2026-12-07',
      to: '2026-12-14',
    });
    expect(presetDates('last-week', MONDAY_EARLY, SHANGHAI)).toEqual({
      from: '2026-11-30',
      to: '2026-12-07',
    });
    // The same instant is a Sunday in UTC: its week began on 30 November.
    expect(presetDates('this-week', MONDAY_EARLY, 'UTC')).toEqual({ from: '2026-11-30', to: '2026-12-07' });
  });

  it('takes a Sunday into the week that began the Monday before', () => {
    const sunday = Date.parse('2026-12-13T10:00:00Z');
    expect(presetDates('this-week', sunday, SHANGHAI)).toEqual({ from: '2026-12-07', to: '2026-12-14' });
  });

  it('gives calendar months, across a year end', () => {
    const newYear = Date.parse('2027-01-02T03:00:00Z');
    expect(presetDates('this-month', newYear, SHANGHAI)).toEqual({ from: '2027-01-01', to: '2027-02-01' });
    expect(presetDates('last-month', newYear, SHANGHAI)).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    const march = Date.parse('2028-03-15T03:00:00Z');
    expect(presetDates('last-month', march, SHANGHAI)).toEqual({ from: '2028-02-01', to: '2028-03-01' });
  });

  it('turns an inclusive custom range into [from, to) and back', () => {
    const custom = customDates('2026-12-01', '2026-12-07');
    expect(custom).toEqual({ dates: { from: '2026-12-01', to: '2026-12-08' } });
    expect(lastDayOf({ from: '2026-12-01', to: '2026-12-08' })).toBe('2026-12-07');
    expect(customDates('2026-12-05', '2026-12-05')).toEqual({
      dates: { from: '2026-12-05', to: '2026-12-06' },
    });
  });

  it('says what is wrong with a custom range instead of asking for it', () => {
    expect(customDates('', '2026-12-07')).toEqual({ problem: 'missing' });
    expect(customDates('2026-12-08', '2026-12-07')).toEqual({ problem: 'toBeforeFrom' });
    // At most 366 days: a year and a day is one too many.
    expect(customDates('2025-01-01', '2026-01-02')).toEqual({ problem: 'tooLong' });
    expect(customDates('2025-01-01', '2026-01-01')).toEqual({
      dates: { from: '2025-01-01', to: '2026-01-02' },
    });
  });
});
