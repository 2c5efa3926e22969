import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import type { Role } from '../users/role';
import { type AccessCase, checkAccessMatrix, createRoleTokens, NOBODY } from './access-matrix';
import { type AuthTestApp, createAuthTestApp } from './auth-test-app';
import { loginToken } from './http-client';

/** The auth module's own endpoints; the lead extends the same table to every controller. */
const AUTH_ENDPOINTS: AccessCase[] = [
  { method: 'POST', path: '/auth/login', body: {}, allow: 'public' },
  // An empty body answers 400 before any token is checked, so public routes show as let in.
  { method: 'POST', path: '/auth/refresh', body: {}, allow: 'public' },
  { method: 'POST', path: '/auth/logout', body: { refreshToken: 'unknown' }, allow: 'any-role' },
  { method: 'GET', path: '/users', allow: ['admin'] },
  { method: 'POST', path: '/users', body: {}, allow: ['admin'] },
  // A well-formed id of nobody: an admin is let in and answered 404.
  { method: 'GET', path: `/users/${NOBODY}`, allow: ['admin'] },
  { method: 'PATCH', path: `/users/${NOBODY}`, body: {}, allow: ['admin'] },
  { method: 'GET', path: '/audit', allow: ['admin'] },
  { method: 'POST', path: '/terminals/T-MATRIX/credentials', allow: ['admin'] },
];

describe('authorization matrix of the auth endpoints', () => {
  let testDb: TestDatabase;
  let server: AuthTestApp;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    testDb = await createTestDatabase('embedded');
    server = await createAuthTestApp({
      database: testDb.database,
      env: { FLEET_ADMIN_USER: 'matrix-admin', FLEET_ADMIN_PASSWORD: 'matrix-admin-pass' },
    });
    const admin = await loginToken(server.baseUrl, 'matrix-admin', 'matrix-admin-pass');
    tokens = await createRoleTokens(server.baseUrl, admin, { regions: ['north'], merchantIds: ['M1'] });
  });
  afterAll(async () => {
    await server?.close();
    await testDb?.drop();
  });

  it('answers every caller as the table says', async () => {
    expect(await checkAccessMatrix(server.baseUrl, tokens, AUTH_ENDPOINTS)).toEqual([]);
  });

  it('reports a route that lets the wrong role in (the helper can fail)', async () => {
    const wrong: AccessCase[] = [{ method: 'GET', path: '/users', allow: ['admin', 'support'] }];
    expect(await checkAccessMatrix(server.baseUrl, tokens, wrong)).toEqual([
      { caller: 'support', call: 'GET /users', expected: 'allowed', status: 403 },
    ]);
  });
});
