import { describe, expect, it } from 'vitest';
import { isPoweredOn, powerOffIntervals } from './shop-hours';
import { DAY, MINUTE } from '../time';

describe('powerOffIntervals', () => {
  const rhythm = { opensAtH: 9, closesAtH: 21.5, powersOffAtNight: true };
  const from = Date.parse('2025-03-03T05:17:00Z');
  const to = from + 3 * DAY;

  it('agrees with isPoweredOn minute by minute', () => {
    const off = powerOffIntervals(rhythm, 1234, from, to);
    expect(off).toHaveLength(3);
    for (let t = from; t < to; t += MINUTE) {
      const inOff = off.some((i) => t >= i.from && t < i.to);
      expect(inOff, new Date(t).toISOString()).toBe(!isPoweredOn(rhythm, 1234, t));
    }
  });

  it('is empty for shops that never switch off', () => {
    expect(powerOffIntervals({ ...rhythm, powersOffAtNight: false }, 1, from, to)).toEqual([]);
  });
});
