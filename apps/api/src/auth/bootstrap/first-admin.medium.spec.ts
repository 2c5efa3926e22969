import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { createAuthTestApp } from '../testing/auth-test-app';
import { CapturedLogger } from '../testing/captured-logger';
import { callJson } from '../testing/http-client';

describe('first administrator without configuration', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase('embedded');
  });
  afterAll(async () => {
    await testDb.drop();
  });

  it('is generated and printed once, in one line, and still works after a restart', async () => {
    const firstLogs = new CapturedLogger();
    const first = await createAuthTestApp({ database: testDb.database, logger: firstLogs });
    const announced = firstLogs.text().filter((line) => line.includes('created administrator'));
    await first.close();
    expect(announced).toHaveLength(1);
    const [, username, password] =
      /administrator "([^"]+)" with password "([^"]+)"/.exec(announced[0]!) ?? [];
    expect(username).toBe('admin');

    const secondLogs = new CapturedLogger();
    const second = await createAuthTestApp({ database: testDb.database, logger: secondLogs });
    try {
      expect(secondLogs.text().filter((line) => line.includes('created administrator'))).toEqual([]);
      const login = await callJson(second.baseUrl, 'POST', '/auth/login', { body: { username, password } });
      expect(login.status).toBe(200);
      // The signing key survived the restart: a token from this run is accepted by this run.
      expect(
        (await callJson(second.baseUrl, 'GET', '/users', { token: login.body.accessToken })).status,
      ).toBe(200);
    } finally {
      await second.close();
    }
  });
});
