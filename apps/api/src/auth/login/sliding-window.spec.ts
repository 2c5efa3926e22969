import { describe, expect, it } from 'vitest';
import { SlidingWindowCounter } from './sliding-window';

describe('SlidingWindowCounter', () => {
  const windowMs = 15 * 60_000;

  it('allows up to the limit, then says how long until the oldest failure leaves the window', () => {
    const counter = new SlidingWindowCounter(windowMs, 5);
    for (let i = 0; i < 5; i++) {
      expect(counter.retryAfterMs('k', 1000 + i)).toBe(0);
      counter.record('k', 1000 + i);
    }
    expect(counter.retryAfterMs('k', 2000)).toBe(1000 + windowMs - 2000);
    expect(counter.retryAfterMs('other', 2000)).toBe(0);
    expect(counter.retryAfterMs('k', 1000 + windowMs)).toBe(0);
  });

  it('forgets a key on clear and sweeps stale keys as new failures arrive', () => {
    const counter = new SlidingWindowCounter(windowMs, 2);
    counter.record('a', 0);
    counter.record('a', 1);
    counter.clear('a');
    expect(counter.retryAfterMs('a', 2)).toBe(0);
    // Sweeps run every 1000th write: 2 above + 997 here + the fresh one below.
    for (let i = 0; i < 997; i++) counter.record(`old-${i}`, 0);
    counter.record('new', windowMs + 1);
    expect(counter.size).toBe(1);
  });
});
