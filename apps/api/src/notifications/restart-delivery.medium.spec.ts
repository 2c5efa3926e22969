import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { DEFAULT_NOTIFICATION_OPTIONS } from './notification-options';
import { makeAlert } from './testing/alert-factory';
import { ManualClock } from './testing/manual-clock';
import { startNotificationsTestApp, type NotificationsTestApp } from './testing/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server';
import { insertUser } from './testing/users-factory';

const T0 = Date.parse('2026-03-04T05:00:00Z');
const { groupWaitMs } = DEFAULT_NOTIFICATION_OPTIONS.grouping;
const LEASE_MS = 60_000;
const postgresUp = await postgresAvailableOrSkip();

interface Target {
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

/** Where the platform keeps its data between runs: an embedded data dir or a PostgreSQL database. */
async function openTarget(kind: 'embedded' | 'postgres'): Promise<Target> {
  if (kind === 'embedded') {
    const dataDir = await mkdtemp(join(tmpdir(), 'fleet-notify-restart-'));
    return { env: { DATA_DIR: dataDir }, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const test: TestDatabase = await createTestDatabase('postgres');
  return { env: { DATABASE_URL: test.databaseUrl }, drop: () => test.drop() };
}

describe.each(['embedded', 'postgres'] as const)('notifications across a restart on %s', (kind) => {
  describe.skipIf(kind === 'postgres' && !postgresUp)('', () => {
    let target: Target;
    let smtp: SmtpTestServer;
    const clock = new ManualClock(T0);

    beforeAll(async () => {
      target = await openTarget(kind);
      smtp = await startSmtpTestServer();
    });
    afterAll(async () => {
      await smtp?.close();
      await target?.drop();
    });

    /** A fresh process over the same data, as after a restart (StorageModule opens it). */
    const startApp = (autoStart = false): Promise<NotificationsTestApp> =>
      startNotificationsTestApp({
        env: { ...target.env, SMTP_URL: smtp.url, NOTIFY_FROM: 'fleet@example.com' },
        clock,
        options: { autoStart, pollMs: 20, leaseMs: LEASE_MS },
      });

    it('a notification due while the platform was down is sent once by the next start', async () => {
      const first = await startApp();
      const user = await insertUser(first.database, { email: 'due@example.com', locale: 'en' });
      await first.notifier.notify([{ kind: 'user', userId: user }], makeAlert());
      clock.advance(groupWaitMs);
      expect(await first.notifier.flushDue()).toBe(1);
      await first.close();

      const second = await startApp(true);
      const [mail] = await smtp.received(1);
      await second.close();
      expect(mail?.to && 'text' in mail.to ? mail.to.text : undefined).toBe('due@example.com');

      clock.advance(3_600_000);
      const third = await startApp();
      expect(await third.worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
      const row = await third.outbox.findByKey(`${mail?.headers.get('x-fleet-notification') as string}`);
      await third.close();
      expect(row).toMatchObject({ state: 'sent', attempts: 1 });
      expect(smtp.mails.filter((m) => m.subject === mail?.subject)).toHaveLength(1);
      // The first start on a fresh embedded database migrates it: slow on a loaded machine.
    }, 120_000);

    it('notices still in their group wait when the process stops are sent once, as one message, by the next start', async () => {
      const before = smtp.mails.length;
      const first = await startApp();
      const user = await insertUser(first.database, { email: 'waiting@example.com', locale: 'en' });
      await first.notifier.notify([{ kind: 'user', userId: user }], makeAlert({ terminalId: 'T-WAIT-1' }));
      await first.notifier.notify([{ kind: 'user', userId: user }], makeAlert({ terminalId: 'T-WAIT-2' }));
      clock.advance(groupWaitMs - 1);
      expect(await first.notifier.flushDue()).toBe(0);
      await first.close();

      const second = await startApp();
      expect(await second.worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
      clock.advance(1);
      expect(await second.worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      clock.advance(3_600_000);
      expect(await second.worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
      await second.close();

      const mails = smtp.mails.slice(before);
      expect(mails.map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).toEqual(['waiting@example.com']);
      expect(mails[0]?.subject).toMatch(/^\[\w+\] 2 alerts: 2 new$/);
      expect(mails[0]?.text).toContain('T-WAIT-1');
      expect(mails[0]?.text).toContain('T-WAIT-2');
    }, 60_000);

    it('a notification claimed by a process that died is sent once, after the claim lapses', async () => {
      const before = smtp.mails.length;
      const first = await startApp();
      const user = await insertUser(first.database, { email: 'claimed@example.com', locale: 'zh-CN' });
      await first.notifier.notify([{ kind: 'user', userId: user }], makeAlert());
      clock.advance(groupWaitMs);
      await first.notifier.flushDue();
      // The dying process took the row and never sent it.
      const [claimed] = await first.outbox.claimDue(new Date(clock.now()), 10, LEASE_MS);
      await first.close();

      const second = await startApp();
      clock.advance(LEASE_MS - 1);
      expect((await second.worker.runOnce()).sent).toBe(0);
      clock.advance(1);
      expect((await second.worker.runOnce()).sent).toBe(1);
      clock.advance(3_600_000);
      expect((await second.worker.runOnce()).sent).toBe(0);
      const row = await second.outbox.findById(claimed!.id);
      await second.close();

      expect(smtp.mails.slice(before).map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).toEqual([
        'claimed@example.com',
      ]);
      expect(row).toMatchObject({ state: 'sent', attempts: 2 });
    });
  });
});
