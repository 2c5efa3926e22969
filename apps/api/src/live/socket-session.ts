import type { SessionEndReason } from '@fleet/telemetry/live/events';
import { type Scope, scopeFor } from '../auth/scope/scope';
import type { UserScopeRow } from '../auth/users/users.repository';

/** Who a live socket speaks for, and until when its token lets it. */
export interface SocketSession {
  userId: string;
  /** The login (refresh-token family) the token belongs to, when it names one. */
  sessionId?: string;
  expiresAtMs: number;
  scope: Scope;
}

export type SessionVerdict =
  { kind: 'keep' } | { kind: 'end'; reason: SessionEndReason } | { kind: 'rescope'; scope: Scope };

/**
 * What to do with a socket now: end it when its token expired, its user is gone or
 * disabled, or its login was signed out; move it to the user's current scope when that
 * changed; else keep it. `liveSessions` holds the logins still going.
 */
export function judgeSession(
  session: SocketSession,
  nowMs: number,
  user: UserScopeRow | undefined,
  liveSessions: ReadonlySet<string>,
): SessionVerdict {
  // The reasons a refresh cannot cure come first, so the client is told the real one.
  if (!user || user.disabled) return { kind: 'end', reason: 'user_disabled' };
  if (session.sessionId !== undefined && !liveSessions.has(session.sessionId)) {
    return { kind: 'end', reason: 'signed_out' };
  }
  if (nowMs >= session.expiresAtMs) return { kind: 'end', reason: 'token_expired' };
  const scope = scopeFor(user);
  return sameScope(scope, session.scope) ? { kind: 'keep' } : { kind: 'rescope', scope };
}

export function sameScope(a: Scope, b: Scope): boolean {
  return scopeKey(a) === scopeKey(b);
}

function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'regions':
      return `regions:${[...scope.regions].sort().join('\u0000')}`;
    case 'merchants':
      return `merchants:${[...scope.merchantIds].sort().join('\u0000')}`;
  }
}
