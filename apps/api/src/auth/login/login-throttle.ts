import { Inject, Injectable, Optional } from '@nestjs/common';
import { RateLimitedError } from '../../common/errors/domain-error';
import { SHARED_REDIS, type SharedRedis } from '../../redis/shared-redis';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { AUTH_CLOCK, type Clock } from '../clock';
import type { FailureCounter } from './failure-counter';
import { RedisSlidingWindow } from './redis-sliding-window';
import { SlidingWindowCounter } from './sliding-window';

/**
 * Counts failed logins per user+address, per address and per user (see LoginLimits) and
 * refuses further attempts, right or wrong, once any of them is over its limit. With
 * REDIS_URL the counts live in Redis, so guesses spread over several processes add up.
 */
@Injectable()
export class LoginThrottle {
  private readonly userAndAddress: FailureCounter;
  private readonly address: FailureCounter;
  private readonly user: FailureCounter;

  constructor(
    @Inject(AUTH_OPTIONS) options: AuthOptions,
    @Inject(AUTH_CLOCK) private readonly now: Clock,
    @Optional() @Inject(SHARED_REDIS) redis: SharedRedis | null = null,
  ) {
    const { windowMs, perUserAndAddress, perAddress, perUser } = options.loginLimits;
    const counter = (name: string, limit: number): FailureCounter =>
      redis
        ? new RedisSlidingWindow(redis.client, `${redis.keyPrefix}login:${name}:`, windowMs, limit)
        : new SlidingWindowCounter(windowMs, limit);
    this.userAndAddress = counter('user-address', perUserAndAddress);
    this.address = counter('address', perAddress);
    this.user = counter('user', perUser);
  }

  /** Throws RateLimitedError (with Retry-After) when this attempt must not be tried. */
  async assertAllowed(username: string, address: string): Promise<void> {
    const now = this.now();
    const waits = await Promise.all([
      this.userAndAddress.retryAfterMs(pair(username, address), now),
      this.address.retryAfterMs(address, now),
      this.user.retryAfterMs(username, now),
    ]);
    const waitMs = Math.max(...waits);
    if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const now = this.now();
    await Promise.all([
      this.userAndAddress.record(pair(username, address), now),
      this.address.record(address, now),
      this.user.record(username, now),
    ]);
  }

  /** A right password from this address forgets its guesses for this user. */
  async recordSuccess(username: string, address: string): Promise<void> {
    await this.userAndAddress.clear(pair(username, address));
  }
}

function pair(username: string, address: string): string {
  return `${address}\u0000${username}`;
}
