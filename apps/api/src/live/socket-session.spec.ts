import { describe, expect, it } from 'vitest';
import type { UserScopeRow } from '../auth/users/users.repository';
import { judgeSession, type SocketSession } from './socket-session';

const technician: UserScopeRow = {
  id: 'u1',
  disabled: false,
  role: 'technician',
  regions: ['north', 'east'],
  merchantIds: [],
};
const session: SocketSession = {
  userId: 'u1',
  sessionId: 's1',
  expiresAtMs: 10_000,
  scope: { kind: 'regions', regions: ['east', 'north'] },
};
const live = new Set(['s1']);

describe('judgeSession', () => {
  it('keeps a socket whose token is valid and whose user still has the same scope, in any order', () => {
    expect(judgeSession(session, 9_999, technician, live)).toEqual({ kind: 'keep' });
  });

  it('ends a socket at the moment its token expires', () => {
    expect(judgeSession(session, 10_000, technician, live)).toEqual({ kind: 'end', reason: 'token_expired' });
  });

  it('ends the socket of a disabled or removed user', () => {
    expect(judgeSession(session, 0, { ...technician, disabled: true }, live)).toEqual({
      kind: 'end',
      reason: 'user_disabled',
    });
    expect(judgeSession(session, 0, undefined, live)).toEqual({ kind: 'end', reason: 'user_disabled' });
  });

  it('names the reason a refresh cannot cure when the token has also expired', () => {
    expect(judgeSession(session, 20_000, undefined, live)).toEqual({ kind: 'end', reason: 'user_disabled' });
    expect(judgeSession(session, 20_000, technician, new Set())).toEqual({
      kind: 'end',
      reason: 'signed_out',
    });
  });

  it('ends a socket whose login was signed out elsewhere', () => {
    expect(judgeSession(session, 0, technician, new Set())).toEqual({ kind: 'end', reason: 'signed_out' });
  });

  it('moves the socket to the new scope when regions or the role changed', () => {
    expect(judgeSession(session, 0, { ...technician, regions: ['north'] }, live)).toEqual({
      kind: 'rescope',
      scope: { kind: 'regions', regions: ['north'] },
    });
    expect(judgeSession(session, 0, { ...technician, role: 'support', regions: [] }, live)).toEqual({
      kind: 'rescope',
      scope: { kind: 'all' },
    });
  });
});
