import { randomUUID } from 'node:crypto';
import type { RedisClientType } from 'redis';
import type { FailureCounter } from './failure-counter';

// Each script runs atomically in Redis: concurrent logins on several processes see one count.
// A key is a sorted set of failure times (scores); those at or before now - window no longer count.
const RETRY_AFTER = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
local limit = tonumber(ARGV[3])
local n = redis.call('ZCARD', KEYS[1])
if n < limit then return 0 end
local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
return tonumber(oldest[2]) + ARGV[2] - ARGV[1]
`;
// Keeps at most `limit` times per key, and lets an idle key expire with its window.
const RECORD = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
local limit = tonumber(ARGV[3])
local n = redis.call('ZCARD', KEYS[1])
if n > limit then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - limit - 1) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return n
`;

/** The sliding-window failure counter in Redis, shared by every process (REDIS_URL). */
export class RedisSlidingWindow implements FailureCounter {
  constructor(
    private readonly client: RedisClientType,
    /** e.g. `fleet:login:address:`; the counted key follows it. */
    private readonly keyPrefix: string,
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  async retryAfterMs(key: string, now: number): Promise<number> {
    const wait = await this.client.eval(RETRY_AFTER, {
      keys: [this.keyPrefix + key],
      arguments: [String(now), String(this.windowMs), String(this.limit)],
    });
    return Number(wait);
  }

  async record(key: string, now: number): Promise<void> {
    await this.client.eval(RECORD, {
      keys: [this.keyPrefix + key],
      // Two failures in the same millisecond are two members.
      arguments: [String(now), String(this.windowMs), String(this.limit), `${now}:${randomUUID()}`],
    });
  }

  async clear(key: string): Promise<void> {
    await this.client.del(this.keyPrefix + key);
  }
}
