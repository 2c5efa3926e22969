import { describe, expect, it } from 'vitest';
import { linearTimeMap, restamp } from './restamp';

describe('restamp', () => {
  const map = linearTimeMap(Date.parse('2025-03-01T00:00:00Z'), Date.parse('2025-06-01T00:00:00Z'), 60);

  it('compresses modelled time onto the real clock, keeping the format', () => {
    expect(restamp({ ts: Date.parse('2025-03-01T01:00:00Z'), seq: 1 }, map).ts).toBe(Date.parse('2025-06-01T00:01:00Z'));
    expect(restamp({ ts: '2025-03-01T09:00:00.000+08:00' }, map).ts).toBe('2025-06-01T08:01:00.000+08:00');
    expect(restamp({ ts: '2025-03-01T02:00:00.000Z' }, map).ts).toBe('2025-06-01T00:02:00.000Z');
  });
});
