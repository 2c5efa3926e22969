import { describe, expect, it } from 'vitest';
import { timeTick } from './chart-frame';

const H = 3_600_000;
const at = Date.parse('2025-03-01T13:37:00Z');

describe('timeTick', () => {
  it('picks the unit from the span shown', () => {
    // vitest.config.mts pins TZ to UTC, so 13:37Z reads as 13:37.
    expect(timeTick('en-GB', 24 * H)(at)).toBe('13:37');
    expect(timeTick('en-GB', 3 * 24 * H)(at)).toBe('1 Mar, 13');
    expect(timeTick('en-GB', 30 * 24 * H)(at)).toBe('1 Mar');
  });
});
