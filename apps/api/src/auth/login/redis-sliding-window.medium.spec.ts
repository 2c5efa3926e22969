import { afterAll, beforeAll, describe } from 'vitest';
import { connectSharedRedis, type SharedRedis } from '../../redis/shared-redis';
import {
  dropKeys,
  redisAvailableOrSkip,
  TEST_REDIS_URL,
  testKeyPrefix,
} from '../../redis/testing/test-redis';
import { failureCounterContract } from './failure-counter.contract';
import { RedisSlidingWindow } from './redis-sliding-window';

const available = await redisAvailableOrSkip();

describe.skipIf(!available)('RedisSlidingWindow on the real Redis', () => {
  const windowMs = 15 * 60_000;
  const prefix = testKeyPrefix();
  let redis: SharedRedis;
  let counters = 0;

  beforeAll(async () => {
    redis = await connectSharedRedis(TEST_REDIS_URL, prefix);
  });
  afterAll(async () => {
    await redis?.close();
    await dropKeys(prefix);
  });

  // Each case its own key space, as a fresh in-memory counter would be.
  failureCounterContract(
    (limit) => new RedisSlidingWindow(redis.client, `${prefix}case${counters++}:`, windowMs, limit),
    windowMs,
  );
});
