import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { DEFAULT_NOTIFICATION_OPTIONS } from './notification-options';
import { makeAlert } from './testing/alert-factory';
import { ManualClock } from './testing/manual-clock';
import { startNotificationsTestApp, type NotificationsTestApp } from './testing/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server';
import { insertUser } from './testing/users-factory';

/** 23:00 in Asia/Shanghai. */
const NIGHT = Date.parse('2026-03-04T23:00:00+08:00');
const MORNING = Date.parse('2026-03-05T07:00:00+08:00');
const { groupWaitMs } = DEFAULT_NOTIFICATION_OPTIONS.grouping;

describe('quiet hours of a user, through the outbox and a real SMTP server', () => {
  let test: TestDatabase;
  let smtp: SmtpTestServer;
  let app: NotificationsTestApp;
  const clock = new ManualClock(NIGHT);

  beforeAll(async () => {
    test = await createTestDatabase('embedded');
    smtp = await startSmtpTestServer();
    app = await startNotificationsTestApp({
      env: { SMTP_URL: smtp.url, NOTIFY_FROM: 'fleet@example.com' },
      database: test.database,
      clock,
    });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await test?.drop();
  });

  const sleeper = async (email: string) => {
    const id = await insertUser(test.database, { email, locale: 'en' });
    await sql`update users set quiet_hours = ${JSON.stringify({ start: '22:00', end: '07:00' })}::jsonb
      where id = ${id}`.execute(test.database.db);
    return id;
  };

  it('holds a major notice at 23:00 until 07:00, then sends it once', async () => {
    const user = await sleeper('night@example.com');
    await app.notifier.notify([{ kind: 'user', userId: user }], makeAlert({ severity: 'major' }));
    clock.advance(groupWaitMs);
    expect(await app.notifier.flushDue()).toBe(1);
    expect((await app.worker.runOnce()).sent).toBe(0);
    clock.advance(MORNING - clock.now() - 1);
    expect((await app.worker.runOnce()).sent).toBe(0);
    clock.advance(1);
    expect((await app.worker.runOnce()).sent).toBe(1);
    const [mail] = await smtp.received(1);
    expect(mail?.subject).toMatch(/^\[Major\] New/);
  });

  it('sends a critical notice at once, in the quiet hours (the override)', async () => {
    const before = smtp.mails.length;
    clock.advance(NIGHT + 86_400_000 - clock.now());
    const user = await sleeper('critical@example.com');
    await app.notifier.notify([{ kind: 'user', userId: user }], makeAlert({ severity: 'critical' }));
    clock.advance(groupWaitMs);
    await app.notifier.flushDue();
    expect((await app.worker.runOnce()).sent).toBe(1);
    const mails = await smtp.received(before + 1);
    expect(mails[before]?.subject).toMatch(/^\[Critical\] New/);
  });
});
