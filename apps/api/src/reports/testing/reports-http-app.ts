import { createAuthTestApp, type AuthTestApp } from '../../auth/testing/auth-test-app';
import { callJson, loginToken } from '../../auth/testing/http-client';
import { RollupJob } from '../../storage/rollups/rollup-job';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { OutageJob } from '../outages/outage-job';
import { OutagesRepository } from '../outages/outages.repository';
import { REPORT_CLOCK } from '../report-clock';
import { ReportsModule } from '../reports.module';
import { seedDeviceHealthFixture } from './device-health-fixture';
import { local } from './report-fixture';

export const REPORT_NOW = local('2026-11-10T12:00:00');

export interface ReportsHttpApp {
  server: AuthTestApp;
  test: TestDatabase;
  /** The first admin (zh-CN) and an English-speaking account manager of merchant M1. */
  admin: string;
  manager: string;
  get(path: string, token: string, accept: string): Promise<Response>;
  close(): Promise<void>;
}

/** The reports API over real HTTP and PostgreSQL, on the hand-computed fixture, its rollups folded. */
export async function startReportsHttpApp(): Promise<ReportsHttpApp> {
  const test = await createTestDatabase('postgres');
  await seedDeviceHealthFixture(test.database);
  await new OutageJob(new OutagesRepository(test.database), { settleMs: 0 }).runOnce(REPORT_NOW);
  await new RollupJob(test.database, { retentionDays: 3650, settleMs: 0 }).runOnce(REPORT_NOW);
  const server = await createAuthTestApp({
    database: test.database,
    env: { FLEET_ADMIN_USER: 'report-admin', FLEET_ADMIN_PASSWORD: 'report-admin-pass' },
    imports: [ReportsModule],
    overrides: [{ token: REPORT_CLOCK, value: () => REPORT_NOW.getTime() }],
  });
  const admin = await loginToken(server.baseUrl, 'report-admin', 'report-admin-pass');
  const created = await callJson(server.baseUrl, 'POST', '/users', {
    token: admin,
    body: {
      username: 'am-1',
      password: 'am-password-1',
      role: 'account_manager',
      merchantIds: ['M1'],
      locale: 'en',
    },
  });
  if (created.status !== 201) throw new Error(`creating the account manager: ${created.status}`);
  const manager = await loginToken(server.baseUrl, 'am-1', 'am-password-1');
  return {
    server,
    test,
    admin,
    manager,
    get: (path, token, accept) =>
      fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept } }),
    async close() {
      await server.close();
      await test.drop();
    },
  };
}
