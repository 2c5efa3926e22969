import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../users/role';
import { callJson, loginToken } from './http-client';

/** A user id that is well formed but names nobody, for `/users/{id}` cases. */
export const NOBODY = '00000000-0000-4000-8000-000000000000';

/** One endpoint and who may call it. */
export interface AccessCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below the API prefix, e.g. `/terminals/T-1/credentials`. */
  path: string;
  body?: unknown;
  /** `public`: no token needed; `any-role`: any signed-in user; else exactly these roles. */
  allow: 'public' | 'any-role' | readonly Role[];
}

export type Caller = 'anonymous' | Role;

export interface AccessMismatch {
  caller: Caller;
  call: string;
  expected: 'allowed' | '401' | '403';
  status: number;
}

/**
 * Calls every case as anonymous and as each role and lists where the answer breaks the
 * rule: anonymous gets 401 on non-public routes, a role outside `allow` gets 403, and an
 * allowed caller gets neither (any other status, 400 or 404 included, counts as let in).
 * Assert `expect(await checkAccessMatrix(...)).toEqual([])` to see every mismatch at once.
 */
export async function checkAccessMatrix(
  baseUrl: string,
  tokens: Record<Role, string>,
  cases: readonly AccessCase[],
): Promise<AccessMismatch[]> {
  const mismatches: AccessMismatch[] = [];
  for (const access of cases) {
    for (const caller of ['anonymous', ...ROLES] as const) {
      const expected = expectation(access, caller);
      const token = caller === 'anonymous' ? undefined : tokens[caller];
      const { status } = await callJson(baseUrl, access.method, access.path, { token, body: access.body });
      const ok =
        expected === 'allowed'
          ? status !== 401 && status !== 403 && status < 500
          : String(status) === expected;
      if (!ok) mismatches.push({ caller, call: `${access.method} ${access.path}`, expected, status });
    }
  }
  return mismatches;
}

function expectation(access: AccessCase, caller: Caller): AccessMismatch['expected'] {
  if (access.allow === 'public') return 'allowed';
  if (caller === 'anonymous') return '401';
  if (access.allow === 'any-role' || access.allow.includes(caller)) return 'allowed';
  return '403';
}

export interface RoleScopes {
  /** The technician's regions. */
  regions: string[];
  /** The account manager's merchants. */
  merchantIds: string[];
}

/** Creates one user per role through the API (as `adminToken`) and signs each in. */
export async function createRoleTokens(
  baseUrl: string,
  adminToken: string,
  scopes: RoleScopes,
): Promise<Record<Role, string>> {
  const suffix = randomBytes(3).toString('hex');
  const tokens = { admin: adminToken } as Record<Role, string>;
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const username = `matrix-${role}-${suffix}`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const body = {
      username,
      password,
      role,
      ...(role === 'technician' ? { regions: scopes.regions } : {}),
      ...(role === 'account_manager' ? { merchantIds: scopes.merchantIds } : {}),
    };
    const created = await callJson(baseUrl, 'POST', '/users', { token: adminToken, body });
    if (created.status !== 201)
      throw new Error(`creating ${role} failed: ${created.status} ${JSON.stringify(created.body)}`);
    tokens[role] = await loginToken(baseUrl, username, password);
  }
  return tokens;
}
