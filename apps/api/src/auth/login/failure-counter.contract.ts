import { expect, it } from 'vitest';
import type { FailureCounter } from './failure-counter';

/** What every FailureCounter must do (in memory and in Redis), as `it` cases of the caller's describe. */
export function failureCounterContract(make: (limit: number) => FailureCounter, windowMs: number): void {
  it('allows up to the limit, then says how long until the oldest failure leaves the window', async () => {
    const counter = make(5);
    for (let i = 0; i < 5; i++) {
      expect(await counter.retryAfterMs('k', 1000 + i)).toBe(0);
      await counter.record('k', 1000 + i);
    }
    expect(await counter.retryAfterMs('k', 2000)).toBe(1000 + windowMs - 2000);
    expect(await counter.retryAfterMs('other', 2000)).toBe(0);
    expect(await counter.retryAfterMs('k', 1000 + windowMs)).toBe(0);
  });

  it('counts only the latest `limit` failures: the wait runs from the oldest of those', async () => {
    const counter = make(2);
    for (const at of [10, 20, 30]) await counter.record('k', at);
    expect(await counter.retryAfterMs('k', 40)).toBe(20 + windowMs - 40);
  });

  it('forgets a key on clear', async () => {
    const counter = make(2);
    await counter.record('a', 0);
    await counter.record('a', 1);
    await counter.clear('a');
    expect(await counter.retryAfterMs('a', 2)).toBe(0);
  });
}
