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
  expiresAtMs: 10_000,
  scope: { kind: 'regions', regions: ['east', 'north'] },
};

describe('judgeSession', () => {
  it('keeps a socket whose token is valid and whose user still has the same scope, in any order', () => {
    expect(judgeSession(session, 9_999, technician)).toEqual({ kind: 'keep' });
  });

  it('ends a socket at the moment its token expires', () => {
    expect(judgeSession(session, 10_000, technician)).toEqual({ kind: 'end', reason: 'token_expired' });
  });

  it('ends the socket of a disabled or removed user', () => {
    expect(judgeSession(session, 0, { ...technician, disabled: true })).toEqual({
      kind: 'end',
      reason: 'user_disabled',
    });
    expect(judgeSession(session, 0, undefined)).toEqual({ kind: 'end', reason: 'user_disabled' });
  });

  it('moves the socket to the new scope when regions or the role changed', () => {
    expect(judgeSession(session, 0, { ...technician, regions: ['north'] })).toEqual({
      kind: 'rescope',
      scope: { kind: 'regions', regions: ['north'] },
    });
    expect(judgeSession(session, 0, { ...technician, role: 'support', regions: [] })).toEqual({
      kind: 'rescope',
      scope: { kind: 'all' },
    });
  });
});
