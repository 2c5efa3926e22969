import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 6, minDelayMs: 1_000, maxDelayMs: 10_000 };

  it('doubles after each failed attempt, starting from the minimum', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(policy, attempt))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('never waits longer than the maximum', () => {
    expect(retryDelayMs(policy, 5)).toBe(10_000);
    expect(retryDelayMs(policy, 40)).toBe(10_000);
  });
});
