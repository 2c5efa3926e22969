import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { DEFAULT_NOTIFICATION_OPTIONS } from './notification-options';
import { makeAlert } from './testing/alert-factory';
import { ManualClock } from './testing/manual-clock';
import { startNotificationsTestApp, type NotificationsTestApp } from './testing/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server';
import { insertUser } from './testing/users-factory';

const T0 = Date.parse('2026-03-04T05:00:00Z');
const { groupWaitMs } = DEFAULT_NOTIFICATION_OPTIONS.grouping;

describe('alert e-mail through a real SMTP server', () => {
  let test: TestDatabase;
  let smtp: SmtpTestServer;
  let app: NotificationsTestApp;
  const clock = new ManualClock(T0);

  beforeAll(async () => {
    test = await createTestDatabase('embedded');
    smtp = await startSmtpTestServer();
    app = await startNotificationsTestApp({
      env: { SMTP_URL: smtp.url, NOTIFY_FROM: 'Fleet Monitor <fleet@example.com>' },
      database: test.database,
      clock,
    });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await test?.drop();
  });

  it('mails each recipient in their language: one zh-CN, one en, with evidence and action', async () => {
    const zhUser = await insertUser(test.database, { email: 'wang@example.com', locale: 'zh-CN' });
    const enUser = await insertUser(test.database, { email: 'ann@example.com', locale: 'en' });
    await app.notifier.notify(
      [
        { kind: 'user', userId: zhUser },
        { kind: 'user', userId: enUser },
      ],
      makeAlert({ terminalId: 'T-0042' }),
    );
    clock.advance(groupWaitMs);
    expect(await app.worker.runOnce()).toEqual({ sent: 2, retried: 0, failed: 0 });

    const mails = await smtp.received(2);
    const zh = mails.find((m) => m.to && 'text' in m.to && m.to.text === 'wang@example.com');
    const en = mails.find((m) => m.to && 'text' in m.to && m.to.text === 'ann@example.com');
    expect(zh?.from?.text).toBe('"Fleet Monitor" <fleet@example.com>');
    expect(zh?.subject).toBe('[警告] 新告警: 流量卡流量将用完 · 终端 T-0042 (Lucky Noodles)');
    expect(zh?.text).toContain('依据: 余额 12 MB，每天消耗 40 MB，约 7 小时后用完');
    expect(zh?.text).toContain('处理建议: 远程为流量卡充值');
    expect(zh?.html).toContain('<strong>新告警 · 警告 · 流量卡流量将用完</strong>');
    expect(en?.subject).toBe('[Warning] New: SIM data running out · Terminal T-0042 (Lucky Noodles)');
    expect(en?.text).toContain('What to do: Top up the SIM remotely');
    expect(en?.text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('many alerts for one recipient within the group wait are one mail listing them all', async () => {
    const before = smtp.mails.length;
    const user = await insertUser(test.database, { email: 'li@example.com', locale: 'zh-CN' });
    const alerts = Array.from({ length: 40 }, () => makeAlert({ region: 'Pudong' }));
    // Forty in 80% of the group wait.
    for (const alert of alerts) {
      await app.notifier.notify([{ kind: 'user', userId: user }], alert);
      clock.advance(groupWaitMs / 50);
    }
    expect(await app.worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(groupWaitMs);
    expect((await app.worker.runOnce()).sent).toBe(1);

    const [mail] = (await smtp.received(before + 1)).slice(before);
    expect(smtp.mails).toHaveLength(before + 1);
    expect(mail?.subject).toBe('[警告] 40 条告警：40 条新告警');
    for (const alert of alerts) expect(mail?.text).toContain(`终端 ${alert.terminalId}`);
  });

  it('sends nothing to a disabled user or one without an e-mail address', async () => {
    const before = smtp.mails.length;
    const disabled = await insertUser(test.database, { email: 'gone@example.com', disabled: true });
    const noEmail = await insertUser(test.database, { email: null });
    await app.notifier.notify(
      [
        { kind: 'user', userId: disabled },
        { kind: 'user', userId: noEmail },
      ],
      makeAlert(),
    );
    clock.advance(groupWaitMs);
    expect(await app.worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(before);
  });
});
