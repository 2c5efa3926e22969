/**
 * Failure timestamps per key over a sliding window: how long until a key may try again,
 * and a new failure. In memory for one process (SlidingWindowCounter), in Redis for
 * several (RedisSlidingWindow), so failures through every process add up.
 */
export interface FailureCounter {
  /** Milliseconds until `key` may try again; 0 when it is under the limit. */
  retryAfterMs(key: string, now: number): Promise<number>;
  record(key: string, now: number): Promise<void>;
  clear(key: string): Promise<void>;
}
