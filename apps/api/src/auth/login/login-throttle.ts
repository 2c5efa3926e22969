import { Inject, Injectable } from '@nestjs/common';
import { RateLimitedError } from '../../common/errors/domain-error';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { AUTH_CLOCK, type Clock } from '../clock';
import { SlidingWindowCounter } from './sliding-window';

/**
 * Counts failed logins per user+address, per address and per user (see LoginLimits) and
 * refuses further attempts, right or wrong, once any of them is over its limit.
 */
@Injectable()
export class LoginThrottle {
  private readonly userAndAddress: SlidingWindowCounter;
  private readonly address: SlidingWindowCounter;
  private readonly user: SlidingWindowCounter;

  constructor(
    @Inject(AUTH_OPTIONS) options: AuthOptions,
    @Inject(AUTH_CLOCK) private readonly now: Clock,
  ) {
    const { windowMs, perUserAndAddress, perAddress, perUser } = options.loginLimits;
    this.userAndAddress = new SlidingWindowCounter(windowMs, perUserAndAddress);
    this.address = new SlidingWindowCounter(windowMs, perAddress);
    this.user = new SlidingWindowCounter(windowMs, perUser);
  }

  /** Throws RateLimitedError (with Retry-After) when this attempt must not be tried. */
  assertAllowed(username: string, address: string): void {
    const now = this.now();
    const waitMs = Math.max(
      this.userAndAddress.retryAfterMs(pair(username, address), now),
      this.address.retryAfterMs(address, now),
      this.user.retryAfterMs(username, now),
    );
    if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
  }

  recordFailure(username: string, address: string): void {
    const now = this.now();
    this.userAndAddress.record(pair(username, address), now);
    this.address.record(address, now);
    this.user.record(username, now);
  }

  /** A right password from this address forgets its guesses for this user. */
  recordSuccess(username: string, address: string): void {
    this.userAndAddress.clear(pair(username, address));
  }
}

function pair(username: string, address: string): string {
  return `${address}\u0000${username}`;
}
