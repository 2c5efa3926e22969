import { createAuthTestApp, type AuthTestApp } from '../../auth/testing/auth-test-app';
import { callJson, loginToken, type JsonReply } from '../../auth/testing/http-client';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { AlertNotifier } from '../alert-notifier';
import {
  DEFAULT_NOTIFICATION_OPTIONS,
  NOTIFICATION_CLOCK,
  NOTIFICATION_OPTIONS,
} from '../notification-options';
import { NotificationsApiModule } from '../notifications-api.module';
import { NotificationWorker } from '../notification-worker';
import { ManualClock } from './manual-clock';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';

const ADMIN = { username: 'inbox-admin', password: 'inbox-admin-pass' };
export const GROUP_WAIT_MS = 1_000;

export interface InboxHttpApp {
  server: AuthTestApp;
  smtp: SmtpTestServer;
  clock: ManualClock;
  notifier: AlertNotifier;
  /** The first administrator's access token. */
  adminToken: string;
  worker: NotificationWorker;
  /** A support user with the e-mail `{username}@example.test`, signed in: its id and token. */
  addUser(username: string): Promise<{ id: string; token: string }>;
  call(method: string, path: string, token: string, body?: unknown): Promise<JsonReply>;
  /** Past the group wait, then one outbox pass: every due notice is delivered. */
  deliver(): Promise<void>;
  close(): Promise<void>;
}

/** The real HTTP app with NotificationsModule on a real embedded database and a real SMTP server. */
export async function startInboxHttpApp(): Promise<InboxHttpApp> {
  const smtp = await startSmtpTestServer();
  const test: TestDatabase = await createTestDatabase('embedded');
  const clock = new ManualClock(Date.parse('2026-03-04T05:00:00Z'));
  const server = await createAuthTestApp({
    database: test.database,
    env: {
      FLEET_ADMIN_USER: ADMIN.username,
      FLEET_ADMIN_PASSWORD: ADMIN.password,
      SMTP_URL: smtp.url,
      NOTIFY_FROM: 'Fleet Monitor <fleet@example.test>',
    },
    imports: [NotificationsApiModule],
    overrides: [
      {
        token: NOTIFICATION_OPTIONS,
        value: {
          ...DEFAULT_NOTIFICATION_OPTIONS,
          autoStart: false,
          grouping: { groupWaitMs: GROUP_WAIT_MS, groupIntervalMs: GROUP_WAIT_MS },
        },
      },
      { token: NOTIFICATION_CLOCK, value: clock },
    ],
  });
  const admin = await loginToken(server.baseUrl, ADMIN.username, ADMIN.password);
  const worker = server.app.get(NotificationWorker);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    callJson(server.baseUrl, method, path, { token, body });
  return {
    server,
    smtp,
    clock,
    notifier: server.app.get(AlertNotifier),
    adminToken: admin,
    worker,
    async addUser(username) {
      const password = 'inbox-user-pass-1';
      const created = await call('POST', '/users', admin, {
        username,
        password,
        role: 'support',
        email: `${username}@example.test`,
        locale: 'en',
      });
      if (created.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(created.body)}`);
      return { id: created.body.id as string, token: await loginToken(server.baseUrl, username, password) };
    },
    call,
    async deliver() {
      clock.advance(GROUP_WAIT_MS);
      await worker.runOnce();
    },
    async close() {
      await server.close();
      await test.drop();
      await smtp.close();
    },
  };
}
