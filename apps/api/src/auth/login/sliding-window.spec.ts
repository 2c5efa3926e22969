import { describe, expect, it } from 'vitest';
import { SlidingWindowCounter } from './sliding-window';
import { failureCounterContract } from './failure-counter.contract';

describe('SlidingWindowCounter', () => {
  const windowMs = 15 * 60_000;

  failureCounterContract((limit) => new SlidingWindowCounter(windowMs, limit), windowMs);

  it('sweeps stale keys as new failures arrive', async () => {
    const counter = new SlidingWindowCounter(windowMs, 2);
    // Sweeps run every 1000th write: 999 here + the fresh one below.
    for (let i = 0; i < 999; i++) await counter.record(`old-${i}`, 0);
    await counter.record('new', windowMs + 1);
    expect(counter.size).toBe(1);
  });
});
