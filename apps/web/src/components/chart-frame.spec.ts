import { describe, expect, it } from 'vitest';
import { timeTick } from './chart-frame';

const H = 3_600_000;
const at = Date.parse('2025-03-01T13:37:00Z');

describe('timeTick', () => {
  it('picks the unit from the span shown', () => {
    // en-GB in UTC (vitest runs with TZ unset on CI; the assertion tolerates any zone by matching shape).
    expect(timeTick('en-GB', 24 * H)(at)).toMatch(/^\d{2}:\d{2}$/);
    expect(timeTick('en-GB', 3 * 24 * H)(at)).toMatch(/^\d{1,2} Mar(,| at)? \d{2}$/);
    expect(timeTick('en-GB', 30 * 24 * H)(at)).toMatch(/^\d{1,2} Mar$/);
  });
});
