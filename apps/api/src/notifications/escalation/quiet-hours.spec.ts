import { describe, expect, it } from 'vitest';
import { quietHold, quietUntil } from './quiet-hours';

/** Asia/Shanghai is UTC+8: 2026-03-04 22:30 local is 14:30 UTC. */
const local = (iso: string) => Date.parse(`${iso}+08:00`);
const NIGHT = { start: '22:00', end: '07:00' };

describe('quietUntil', () => {
  it('holds a notice at 22:30 local until 07:00 the next morning (across midnight)', () => {
    expect(quietUntil(NIGHT, local('2026-03-04T22:30:00'))).toBe(local('2026-03-05T07:00:00'));
  });

  it('holds a notice at 03:00 local until 07:00 the same morning', () => {
    expect(quietUntil(NIGHT, local('2026-03-05T03:00:00'))).toBe(local('2026-03-05T07:00:00'));
  });

  it('does not hold a notice at 07:00 sharp or during the day', () => {
    expect(quietUntil(NIGHT, local('2026-03-05T07:00:00'))).toBeUndefined();
    expect(quietUntil(NIGHT, local('2026-03-05T21:59:00'))).toBeUndefined();
  });

  it('holds within quiet hours inside one day (12:00–14:00)', () => {
    const lunch = { start: '12:00', end: '14:00' };
    expect(quietUntil(lunch, local('2026-03-05T13:15:00'))).toBe(local('2026-03-05T14:00:00'));
    expect(quietUntil(lunch, local('2026-03-05T14:00:00'))).toBeUndefined();
    expect(quietUntil(lunch, local('2026-03-05T11:59:00'))).toBeUndefined();
  });

  it('equal start and end mean no quiet hours', () => {
    expect(quietUntil({ start: '08:00', end: '08:00' }, local('2026-03-05T08:00:00'))).toBeUndefined();
  });
});

describe('quietHold', () => {
  const night = local('2026-03-04T23:00:00');

  it('holds a major or minor notice until the quiet hours end', () => {
    expect(quietHold(NIGHT, ['major', 'minor'], night)).toBe(local('2026-03-05T07:00:00'));
  });

  it('sends at once when a critical notice is among them (the override)', () => {
    expect(quietHold(NIGHT, ['minor', 'critical'], night)).toBeUndefined();
  });

  it('holds a critical notice too for a user who turned the override off', () => {
    const strict = { ...NIGHT, criticalOverride: false };
    expect(quietHold(strict, ['critical'], night)).toBe(local('2026-03-05T07:00:00'));
    expect(quietHold({ ...NIGHT, criticalOverride: true }, ['critical'], night)).toBeUndefined();
  });

  it('sends at once for a user without quiet hours', () => {
    expect(quietHold(null, ['minor'], night)).toBeUndefined();
  });
});
