import { createAuthTestApp, type AuthTestApp } from '../../../auth/testing/auth-test-app';
import { callJson, loginToken, type JsonReply } from '../../../auth/testing/http-client';
import {
  NOTIFICATION_CLOCK,
  NOTIFICATION_OPTIONS,
  DEFAULT_NOTIFICATION_OPTIONS,
} from '../../../notifications/notification-options';
import { NotificationWorker } from '../../../notifications/notification-worker';
import { startSmtpTestServer, type SmtpTestServer } from '../../../notifications/testing/smtp-test-server';
import { RollupJob } from '../../../storage/rollups/rollup-job';
import { createTestDatabase, type TestDatabase } from '../../../storage/testing/test-database';
import { OutageJob } from '../../outages/outage-job';
import { OutagesRepository } from '../../outages/outages.repository';
import { REPORT_CLOCK } from '../../report-clock';
import { ReportsModule } from '../../reports.module';
import { REPORT_NOW } from '../../testing/reports-http-app';
import { seedDeviceHealthFixture } from '../../testing/device-health-fixture';
import { ReportSubscriptionsModule } from '../report-subscriptions.module';
import { ScheduledReportJob } from '../scheduled-report-job';
import { DEFAULT_SCHEDULED_REPORT_OPTIONS, SCHEDULED_REPORT_OPTIONS } from '../scheduled-report-options';

const ADMIN = { username: 'sub-admin', password: 'sub-admin-pass' };

/** One API process: its HTTP server, scheduled-report pass and outbox worker. */
export interface SubscriptionsProcess {
  server: AuthTestApp;
  job: ScheduledReportJob;
  /** Sends whatever the outbox holds that is due. */
  drainOutbox(): Promise<void>;
  close(): Promise<void>;
}

export interface SubscriptionsTestApp {
  test: TestDatabase;
  smtp: SmtpTestServer;
  /** The reports' and the outbox's clock, moved by the test. */
  clock: { now: number };
  /** The current first process. */
  readonly api: SubscriptionsProcess;
  admin: string;
  /** Another process on the same database and SMTP server; `schedule` starts its pass at boot. */
  startProcess(options?: { schedule?: boolean }): Promise<SubscriptionsProcess>;
  /** Stops the first process and starts a fresh one over the same database, as after a restart. */
  restart(options?: { schedule?: boolean }): Promise<void>;
  /** Creates a user with the e-mail `{username}@example.test` and returns its token. */
  addUser(user: { username: string; role: string; merchantIds?: string[]; locale: string }): Promise<string>;
  call(method: string, path: string, token: string, body?: unknown): Promise<JsonReply>;
  close(): Promise<void>;
}

/**
 * The reports, their subscriptions and the notification outbox over real HTTP, PostgreSQL
 * (the hand-computed fixture, rollups folded) and a real SMTP server, on a manual clock.
 * The scheduled pass runs only when the test says (runOnce), unless a process is started
 * with `schedule`, as the app does.
 */
export async function startSubscriptionsTestApp(now: number): Promise<SubscriptionsTestApp> {
  const test = await createTestDatabase('postgres');
  await seedDeviceHealthFixture(test.database);
  await new OutageJob(new OutagesRepository(test.database), { settleMs: 0 }).runOnce(REPORT_NOW);
  await new RollupJob(test.database, { retentionDays: 3650, settleMs: 0 }).runOnce(REPORT_NOW);
  const smtp = await startSmtpTestServer();
  const clock = { now };
  const processes = new Set<SubscriptionsProcess>();
  const startProcess = async ({ schedule = false } = {}): Promise<SubscriptionsProcess> => {
    const server = await createAuthTestApp({
      database: test.database,
      env: {
        FLEET_ADMIN_USER: ADMIN.username,
        FLEET_ADMIN_PASSWORD: ADMIN.password,
        SMTP_URL: smtp.url,
        NOTIFY_FROM: 'Fleet Monitor <fleet@example.test>',
      },
      imports: [ReportsModule, ReportSubscriptionsModule],
      overrides: [
        { token: REPORT_CLOCK, value: () => clock.now },
        { token: NOTIFICATION_CLOCK, value: { now: () => clock.now } },
        { token: NOTIFICATION_OPTIONS, value: { ...DEFAULT_NOTIFICATION_OPTIONS, pollMs: 100 } },
        {
          token: SCHEDULED_REPORT_OPTIONS,
          value: { ...DEFAULT_SCHEDULED_REPORT_OPTIONS, autoStart: schedule, intervalMs: 3_600_000 },
        },
      ],
    });
    const process: SubscriptionsProcess = {
      server,
      job: server.app.get(ScheduledReportJob),
      drainOutbox: async () => {
        await server.app.get(NotificationWorker).runOnce();
      },
      close: async () => {
        processes.delete(process);
        await server.close();
      },
    };
    processes.add(process);
    return process;
  };
  let api = await startProcess();
  const admin = await loginToken(api.server.baseUrl, ADMIN.username, ADMIN.password);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    callJson(api.server.baseUrl, method, path, { token, body });
  return {
    test,
    smtp,
    clock,
    get api() {
      return api;
    },
    admin,
    startProcess,
    async restart(options) {
      await api.close();
      api = await startProcess(options);
    },
    async addUser({ username, role, merchantIds = [], locale }) {
      const password = `${username}-password`;
      const created = await call('POST', '/users', admin, {
        username,
        password,
        role,
        merchantIds,
        locale,
        email: `${username}@example.test`,
      });
      if (created.status !== 201) throw new Error(`creating ${username}: ${created.status}`);
      return loginToken(api.server.baseUrl, username, password);
    },
    call,
    async close() {
      for (const process of [...processes]) await process.close();
      await test.drop();
      await smtp.close();
    },
  };
}
