import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnauthenticatedError } from '../../common/errors/domain-error';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { AUTH_CLOCK, type Clock } from '../clock';
import type { AuthUser } from '../users/role';
import { AccessTokens } from './access-tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

/**
 * Access plus refresh tokens. Refresh tokens are random 32-byte strings kept only as
 * SHA-256 hashes (their entropy makes a slow hash pointless); each use rotates them,
 * and presenting a used one again revokes the whole family, since it means a copy leaked.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokensRepository,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    @Inject(AUTH_CLOCK) private readonly now: Clock,
  ) {}

  start(user: AuthUser): Promise<IssuedSession> {
    return this.issue(user, randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair. `loadUser` returns the user as now stored,
   * or undefined when they were removed or disabled.
   */
  async refresh(
    refreshToken: string,
    loadUser: (id: string) => Promise<AuthUser | undefined>,
  ): Promise<{ session: IssuedSession; user: AuthUser }> {
    const now = new Date(this.now());
    const result = await this.refreshTokens.consume(hashToken(refreshToken), now);
    if (result.outcome === 'reused') {
      await this.refreshTokens.revokeFamily(result.familyId, now);
      this.logger.warn({ event: 'refresh_token_reused', familyId: result.familyId });
      throw new UnauthenticatedError('refresh token already used; sign in again');
    }
    if (result.outcome === 'invalid') throw new UnauthenticatedError('refresh token invalid or expired');
    const user = await loadUser(result.userId);
    if (!user) {
      await this.refreshTokens.revokeFamily(result.familyId, now);
      throw new UnauthenticatedError('account disabled');
    }
    return { session: await this.issue(user, result.familyId), user };
  }

  /** Ends the login a refresh token belongs to, or every login of the user without one. */
  async end(user: AuthUser, refreshToken: string | undefined): Promise<void> {
    const now = new Date(this.now());
    if (refreshToken === undefined) return this.refreshTokens.revokeAllOfUser(user.id, now);
    const family = await this.refreshTokens.familyOf(hashToken(refreshToken));
    // Someone else's token is neither revoked nor confirmed: it tells the caller nothing.
    if (family && family.userId === user.id) await this.refreshTokens.revokeFamily(family.familyId, now);
  }

  /** Of these logins, the ones not ended (signed out, revoked) and not expired. */
  liveSessions(sessionIds: readonly string[]): Promise<Set<string>> {
    return this.refreshTokens.liveFamilies(sessionIds, new Date(this.now()));
  }

  /** Ends every login of a user at once (disabled, or their password reset by an admin). */
  endAllOf(userId: string): Promise<void> {
    return this.refreshTokens.revokeAllOfUser(userId, new Date(this.now()));
  }

  private async issue(user: AuthUser, familyId: string): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(this.now() + this.options.refreshTokenTtlS * 1000),
    });
    await this.refreshTokens.deleteExpiredBefore(new Date(this.now() - this.options.refreshTokenTtlS * 1000));
    return {
      accessToken: await this.accessTokens.issue(user, familyId),
      refreshToken,
      expiresIn: this.accessTokens.ttlS,
    };
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
