export interface RetryPolicy {
  /** Attempts in all, the first included; after the last the notification is failed. */
  maxAttempts: number;
  /** Delay after the first failed attempt; doubled after each further one. */
  minDelayMs: number;
  maxDelayMs: number;
}

/** Exponential backoff: minDelay · 2^(attempt−1), capped at maxDelay. */
export function retryDelayMs(policy: RetryPolicy, failedAttempt: number): number {
  return Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** Math.max(0, failedAttempt - 1));
}
