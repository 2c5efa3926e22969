import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../../storage/testing/require-postgres';
import { local } from '../testing/report-fixture';
import { startSubscriptionsTestApp, type SubscriptionsTestApp } from './testing/subscriptions-test-app';

const postgresUp = await postgresAvailableOrSkip();
const out = mkdtempSync(join(tmpdir(), 'fleet-subscription-'));

/** The text of a PDF, through pdftotext (poppler-utils). */
function pdfText(content: Buffer, name: string): string {
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, content);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!postgresUp)(
  'scheduled reports: made once per period and mailed with the PDF to a real SMTP server',
  () => {
    let app: SubscriptionsTestApp;
    let manager: string;
    let support: string;
    const mailsTo = (username: string): ParsedMail[] =>
      app.smtp.mails.filter(
        (mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text === `${username}@example.test`,
      );
    const archiveRows = async (username: string) =>
      (
        await sql<{ period_start: string; state: string }>`
        select a.period_start::text, a.state from report_archive a join users u on u.id = a.user_id
        where u.username = ${username} order by a.period_start`.execute(app.test.database.db)
      ).rows;
    const reportMailsQueued = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from notifications where idempotency_key like 'report:%'`.execute(
          app.test.database.db,
        )
      ).rows[0]!.n;

    beforeAll(async () => {
      // Sunday 2026-11-08 noon in Shanghai: the subscriptions are made before Monday's 08:00.
      app = await startSubscriptionsTestApp(local('2026-11-08T12:00:00').getTime());
      manager = await app.addUser({
        username: 'am-m1',
        role: 'account_manager',
        merchantIds: ['M1'],
        locale: 'en',
      });
      support = await app.addUser({ username: 'support-zh', role: 'support', locale: 'zh-CN' });
      const managerSub = await app.call('PUT', '/reports/subscriptions/weekly', manager, { attachCsv: true });
      expect(managerSub.status).toBe(200);
      expect((await app.call('PUT', '/reports/subscriptions/weekly', support, {})).status).toBe(200);
    }, 120_000);
    afterAll(async () => {
      await app?.close();
    });

    it('makes nothing before Monday 08:00 local', async () => {
      app.clock.now = local('2026-11-09T07:59:00').getTime();
      expect(await app.api.job.runOnce()).toBe(0);
      expect(await archiveRows('am-m1')).toEqual([]);
    });

    it('at Monday 08:00 mails each subscriber one PDF of last week, the account manager’s of its merchants only, and archives the same bytes', async () => {
      app.clock.now = local('2026-11-09T08:00:00').getTime();
      expect(await app.api.job.runOnce()).toBe(2);
      await app.smtp.received(2);

      const [toManager] = mailsTo('am-m1');
      expect(toManager?.subject).toBe('Weekly device-health report 2026-11-02 – 2026-11-08');
      expect(toManager?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        ['device-health_2026-11-02_2026-11-09.pdf', 'application/pdf'],
        ['device-health_2026-11-02_2026-11-09.csv', 'text/csv'],
      ]);
      const managerPdf = toManager!.attachments[0]!.content;
      const managerText = pdfText(managerPdf, 'manager');
      expect(managerText).toContain('Device health report');
      expect(managerText).toContain('2026-11-02 – 2026-11-08');
      expect(managerText).toContain('老王便利店');
      expect(managerText).not.toContain('星巴克');

      const [toSupport] = mailsTo('support-zh');
      expect(toSupport?.subject).toBe('设备健康周报 2026-11-02 – 2026-11-08');
      expect(toSupport?.attachments.map((a) => a.filename)).toEqual([
        'device-health_2026-11-02_2026-11-09.pdf',
      ]);
      const supportText = pdfText(toSupport!.attachments[0]!.content, 'support');
      expect(supportText).toContain('设备健康报告');
      expect(supportText).toContain('老王便利店');
      expect(supportText).toContain('星巴克 国贸店');

      const archive = await app.call('GET', '/reports/archive', manager);
      expect(archive.status).toBe(200);
      expect(archive.body.items).toEqual([
        expect.objectContaining({
          cadence: 'weekly',
          from: '2026-11-02',
          to: '2026-11-09',
          timeZone: 'Asia/Shanghai',
          locale: 'en',
          generatedAt: local('2026-11-09T08:00:00').toISOString(),
          pdfBytes: managerPdf.length,
          csvBytes: toManager!.attachments[1]!.content.length,
        }),
      ]);
      const id = archive.body.items[0].id as string;
      const download = await fetch(`${app.api.server.baseUrl}/reports/archive/${id}`, {
        headers: { authorization: `Bearer ${manager}` },
      });
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await download.arrayBuffer()).equals(managerPdf)).toBe(true);
      const csv = await fetch(`${app.api.server.baseUrl}/reports/archive/${id}?format=csv`, {
        headers: { authorization: `Bearer ${manager}` },
      });
      expect(Buffer.from(await csv.arrayBuffer()).equals(toManager!.attachments[1]!.content)).toBe(true);
      // Another user's report is not there for them.
      expect((await app.call('GET', `/reports/archive/${id}`, support)).status).toBe(404);
    }, 60_000);

    it('makes no second report after a restart at 08:05, nor after another one', async () => {
      app.clock.now = local('2026-11-09T08:05:00').getTime();
      for (let i = 0; i < 2; i += 1) {
        await app.restart();
        expect(await app.api.job.runOnce()).toBe(0);
        await app.api.drainOutbox();
      }
      expect(await archiveRows('am-m1')).toEqual([{ period_start: '2026-11-02', state: 'ready' }]);
      expect(await reportMailsQueued()).toBe(2);
      expect(mailsTo('am-m1')).toHaveLength(1);
      expect(mailsTo('support-zh')).toHaveLength(1);
    }, 60_000);

    it('makes each report once when two processes run the pass at the same moment', async () => {
      app.clock.now = local('2026-11-16T08:00:00').getTime();
      const second = await app.startProcess();
      const made = await Promise.all([app.api.job.runOnce(), second.job.runOnce(), app.api.job.runOnce()]);
      expect(made.reduce((a, b) => a + b, 0)).toBe(2);
      await Promise.all([app.api.drainOutbox(), second.drainOutbox()]);
      await second.close();
      expect(await archiveRows('support-zh')).toEqual([
        { period_start: '2026-11-02', state: 'ready' },
        { period_start: '2026-11-09', state: 'ready' },
      ]);
      expect(await reportMailsQueued()).toBe(4);
      // Accepted is not yet parsed: the test server reads each mail after its 250.
      await app.smtp.received(4);
      expect(mailsTo('am-m1').map((m) => m.subject)).toEqual([
        'Weekly device-health report 2026-11-02 – 2026-11-08',
        'Weekly device-health report 2026-11-09 – 2026-11-15',
      ]);
      expect(mailsTo('support-zh')).toHaveLength(2);
    }, 60_000);

    it('makes the monthly report of the previous month on the 1st at 08:00', async () => {
      const monthly = await app.addUser({
        username: 'am-monthly',
        role: 'account_manager',
        merchantIds: ['M2'],
        locale: 'zh-CN',
      });
      expect(
        (await app.call('PUT', '/reports/subscriptions/monthly', monthly, { locale: 'en' })).status,
      ).toBe(200);
      app.clock.now = local('2026-12-01T07:59:00').getTime();
      await app.api.job.runOnce();
      expect(await archiveRows('am-monthly')).toEqual([]);

      app.clock.now = local('2026-12-01T08:00:00').getTime();
      await app.api.job.runOnce();
      await app.api.drainOutbox();
      await until(() => mailsTo('am-monthly').length === 1, 'the monthly mail');
      const [mail] = mailsTo('am-monthly');
      expect(mail?.subject).toBe('Monthly device-health report 2026-11-01 – 2026-11-30');
      expect(mail?.attachments[0]?.filename).toBe('device-health_2026-11-01_2026-12-01.pdf');
      const text = pdfText(mail!.attachments[0]!.content, 'monthly');
      expect(text).toContain('星巴克 国贸店');
      expect(text).not.toContain('老王便利店');
      await app.api.job.runOnce();
      await app.api.drainOutbox();
      expect(mailsTo('am-monthly')).toHaveLength(1);
    }, 60_000);

    it('catches up when the process was down over Monday 08:00: the missed week is made once it starts', async () => {
      const late = await app.addUser({ username: 'support-late', role: 'support', locale: 'en' });
      expect((await app.call('PUT', '/reports/subscriptions/weekly', late, {})).status).toBe(200);
      // Down from Tuesday until Monday 10:00: the pass of the process that starts then makes it.
      app.clock.now = local('2026-12-07T10:00:00').getTime();
      await app.restart({ schedule: true });
      await until(() => mailsTo('support-late').length === 1, 'the missed week’s mail');
      expect(mailsTo('support-late')[0]?.subject).toBe('Weekly device-health report 2026-11-30 – 2026-12-06');
      await app.api.job.runOnce();
      await app.api.drainOutbox();
      expect(await archiveRows('support-late')).toEqual([{ period_start: '2026-11-30', state: 'ready' }]);
      expect(mailsTo('support-late')).toHaveLength(1);
    }, 60_000);
    it('makes a report whose maker died after claiming it, once its claim has lapsed', async () => {
      const crash = await app.addUser({ username: 'support-crash', role: 'support', locale: 'en' });
      expect((await app.call('PUT', '/reports/subscriptions/weekly', crash, {})).status).toBe(200);
      // Monday 08:00: a process claimed the week (for the default 10 minutes) and died before rendering it.
      app.clock.now = local('2026-12-14T08:00:00').getTime();
      await sql`
        insert into report_archive (user_id, cadence, period_start, period_end, time_zone, locale, state, claimed_until)
        select id, 'weekly', '2026-12-07', '2026-12-14', 'Asia/Shanghai', 'en', 'claimed', ${local('2026-12-14T08:10:00')}
        from users where username = 'support-crash'`.execute(app.test.database.db);
      await app.api.job.runOnce();
      expect(await archiveRows('support-crash')).toEqual([{ period_start: '2026-12-07', state: 'claimed' }]);

      app.clock.now = local('2026-12-14T08:11:00').getTime();
      await app.api.job.runOnce();
      await app.api.job.runOnce();
      await app.api.drainOutbox();
      await until(() => mailsTo('support-crash').length === 1, 'the taken-over report’s mail');
      expect(await archiveRows('support-crash')).toEqual([{ period_start: '2026-12-07', state: 'ready' }]);
      expect(mailsTo('support-crash')[0]?.subject).toBe(
        'Weekly device-health report 2026-12-07 – 2026-12-13',
      );
      expect(mailsTo('support-crash')[0]?.attachments).toHaveLength(1);
    }, 60_000);
  },
);
