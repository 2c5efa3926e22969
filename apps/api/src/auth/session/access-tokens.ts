import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '../../common/errors/domain-error';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { AUTH_CLOCK, type Clock } from '../clock';
import { type AuthUser, ROLES, type Role } from '../users/role';
import { SERVER_SECRETS, type ServerSecrets } from './server-secrets';

const ISSUER = 'fleet-monitor';
const AUDIENCE = 'fleet-api';

/**
 * Short-lived HS256 access tokens carrying who the caller is and what they may see,
 * so checking a request needs no database. Revocation takes effect at expiry (15 min);
 * refresh tokens are the revocable part.
 */
@Injectable()
export class AccessTokens {
  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    @Inject(SERVER_SECRETS) private readonly secrets: ServerSecrets,
    @Inject(AUTH_CLOCK) private readonly now: Clock,
  ) {}

  get ttlS(): number {
    return this.options.accessTokenTtlS;
  }

  /** `sessionId` names the login (refresh-token family) the token was issued for. */
  issue(user: AuthUser, sessionId?: string): Promise<string> {
    const nowS = Math.floor(this.now() / 1000);
    const claims = { usr: user.username, role: user.role, regions: user.regions, mids: user.merchantIds };
    return new SignJWT(sessionId ? { ...claims, sid: sessionId } : claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + this.options.accessTokenTtlS)
      .sign(this.secrets.jwtKey);
  }

  /** The caller behind a token, or UnauthenticatedError saying why not. */
  async verify(token: string): Promise<AuthUser> {
    return (await this.verifySession(token)).user;
  }

  /** The caller and when the token stops being valid (for connections that outlive a request). */
  async verifySession(token: string): Promise<{ user: AuthUser; expiresAtMs: number; sessionId?: string }> {
    try {
      const { payload } = await jwtVerify(token, this.secrets.jwtKey, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: new Date(this.now()),
      });
      const sessionId = typeof payload.sid === 'string' ? payload.sid : undefined;
      return { user: userFromClaims(payload), expiresAtMs: (payload.exp ?? 0) * 1000, sessionId };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('access token expired');
      throw new UnauthenticatedError('invalid access token');
    }
  }
}

function userFromClaims(claims: Record<string, unknown>): AuthUser {
  const { sub, usr, role, regions, mids } = claims;
  if (
    typeof sub !== 'string' ||
    typeof usr !== 'string' ||
    !isRole(role) ||
    !isStrings(regions) ||
    !isStrings(mids)
  ) {
    throw new Error('token claims malformed');
  }
  return { id: sub, username: usr, role, regions, merchantIds: mids };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
