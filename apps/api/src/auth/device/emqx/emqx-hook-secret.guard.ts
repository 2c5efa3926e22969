import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import {
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../../common/errors/domain-error';
import { AUTH_OPTIONS, type AuthOptions } from '../../auth-options';
import { AUTH_CLOCK, type Clock } from '../../clock';
import { SlidingWindowCounter } from '../../login/sliding-window';

export const EMQX_HOOK_SECRET_HEADER = 'x-emqx-hook-secret';

/** Wrong hook secrets allowed per address before it must wait: EMQX never sends one. */
const WRONG_SECRET_LIMIT = { windowMs: 15 * 60_000, perAddress: 20 };

interface HookRequest {
  method: string;
  originalUrl: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Lets only EMQX call the hooks: it must send EMQX_HOOK_SECRET in X-Emqx-Hook-Secret.
 * Without the variable the routes do not exist (404), so a platform not using EMQX
 * exposes nothing. Compared in constant time; guessing addresses are slowed down.
 */
@Injectable()
export class EmqxHookSecretGuard implements CanActivate {
  private readonly expected: Buffer | undefined;
  private readonly wrongSecrets = new SlidingWindowCounter(
    WRONG_SECRET_LIMIT.windowMs,
    WRONG_SECRET_LIMIT.perAddress,
  );

  constructor(
    @Inject(AUTH_OPTIONS) options: AuthOptions,
    @Inject(AUTH_CLOCK) private readonly now: Clock,
  ) {
    this.expected = options.emqxHookSecret === undefined ? undefined : digest(options.emqxHookSecret);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<HookRequest>();
    if (this.expected === undefined)
      throw new NotFoundError(`Cannot ${request.method} ${request.originalUrl}`);
    const address = request.ip ?? 'unknown';
    const waitMs = await this.wrongSecrets.retryAfterMs(address, this.now());
    if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));

    const given = request.headers[EMQX_HOOK_SECRET_HEADER];
    if (typeof given !== 'string' || given === '') {
      throw new UnauthenticatedError(`missing ${EMQX_HOOK_SECRET_HEADER} header`);
    }
    // Digests have equal lengths, so timingSafeEqual never leaks the secret's length.
    if (!timingSafeEqual(digest(given), this.expected)) {
      await this.wrongSecrets.record(address, this.now());
      throw new ForbiddenError(`wrong ${EMQX_HOOK_SECRET_HEADER} header`);
    }
    return true;
  }
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
