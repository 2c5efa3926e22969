import { describe, expect, it } from 'vitest';
import { instantText } from './instant-text';

describe('instantText', () => {
  it('writes what Date#toISOString writes for whole milliseconds', () => {
    const samples = [
      0,
      1,
      999,
      86_399_999,
      86_400_000,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2026, 10, 26, 16, 24, 50, 123),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(1969, 11, 31, 23, 59, 59, 1),
    ];
    // Interleaved days, as a batch's device and receive times are: the day cache must follow.
    for (let i = 0; i < 2000; i++) samples.push((i * 7_919_123_457) % 4e12, 1.7e12 + i * 997_003);
    for (const ms of samples) expect(instantText(ms)).toBe(new Date(ms).toISOString());
  });

  it('falls back to Date#toISOString outside whole milliseconds of years 1-9999', () => {
    for (const ms of [1.5, Date.UTC(10000, 0, 1), -62_135_596_800_001])
      expect(instantText(ms)).toBe(new Date(ms).toISOString());
  });
});
