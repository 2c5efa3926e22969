import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDetail, AlertsResponse, AlertView } from '@fleet/telemetry/api/alerts';
import {
  startSmtpTestServer,
  type SmtpTestServer,
} from '../../apps/api/src/notifications/testing/smtp-test-server';
import { apiAsAdmin, postAsAdmin } from './support/api';
import { desktopPage, launchBrowser, screenshot } from './support/browser';
import { startPlatform, type RunningPlatform } from './support/platform';
import { publishSimRunningOut, TerminalPublisher } from './support/publish';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';

/**
 * Issue #12's journey through the real built platform: a terminal's SIM data starts running
 * out (over MQTT) → an alert opens → the mails arrive, in each person's language → reminders
 * until the agent acknowledges in the browser → none after → the balance jumps after a top-up →
 * the alert resolves itself → the resolution mails. The platform runs with short group, hold
 * and reminder times (its environment knobs), and no demo fleet, so every mail is this alert's.
 */
const blocked = e2eBlocker();
const WAIT = { timeout: 30_000 };
const TID = 'E2E-SIM-1';
const REMINDER_S = 6;
const AGENT = { username: 'agent.zh', password: 'agent-zh-password', email: 'agent.zh@example.test' };
const TECH = 'tech.beijing@example.test';
const OTHER_TECH = 'tech.shanghai@example.test';
const NOTE = 'topping the SIM up now';

describe.skipIf(blocked)(
  'SIM data running out, end to end: MQTT → alert → mail → browser → resolution mail',
  () => {
    let smtp: SmtpTestServer;
    let platform: RunningPlatform;
    let terminal: TerminalPublisher;
    let browser: Browser;
    let page: Page;
    let alert: AlertView;

    const mailsTo = (address: string): ParsedMail[] =>
      smtp.mails.filter((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text === address);
    const subjects = (address: string) => mailsTo(address).map((mail) => mail.subject ?? '');
    const reminders = (address: string) => subjects(address).filter((s) => /提醒：尚未确认/.test(s));
    const detail = () => apiAsAdmin<AlertDetail>(platform, `/alerts/${alert.id}`);

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      platform = await startPlatform({
        fleetSize: 0,
        env: {
          SMTP_URL: smtp.url,
          NOTIFY_FROM: 'Fleet Monitor <fleet@example.test>',
          NOTIFY_GROUP_WAIT_S: '1',
          NOTIFY_GROUP_INTERVAL_S: '1',
          // A minor alert has no reminders by default; here one every few seconds.
          NOTIFY_REMINDERS: `minor:${REMINDER_S}:50`,
          NOTIFY_ESCALATION_EVALUATE_S: '1',
          ALERT_RESOLVE_HOLD_S: '3',
        },
      });
      await postAsAdmin(platform, '/terminals/import', [
        {
          terminalId: TID,
          merchantId: 'M-E2E-BJ',
          merchantName: 'Noodle Bar',
          region: 'Beijing',
          lat: 39.9,
          lon: 116.4,
        },
      ]);
      await postAsAdmin(platform, '/users', { ...AGENT, role: 'support', locale: 'zh-CN' });
      for (const [username, region, email] of [
        ['tech.beijing', 'Beijing', TECH],
        ['tech.shanghai', 'Shanghai', OTHER_TECH],
      ] as const) {
        await postAsAdmin(platform, '/users', {
          username,
          password: `${username}-password`,
          role: 'technician',
          regions: [region],
          email,
          locale: 'en',
        });
      }
      terminal = await TerminalPublisher.connect(platform.mqttUrl);
      browser = await launchBrowser();
      page = await desktopPage(browser);
    }, 420_000);

    afterAll(async () => {
      await browser?.close();
      await terminal?.close();
      await platform?.stop();
      await smtp?.close();
    }, 30_000);

    it('opens one alert from the SIM reports and mails the agent in Chinese and the region’s technician in English', async () => {
      await publishSimRunningOut(terminal, TID);
      await terminal.publish(TID, 'heartbeat', { intervalS: 60, uptimeS: 3_600, comm: '4g', power: 'mains' });

      await expect
        .poll(async () => (await apiAsAdmin<AlertsResponse>(platform, '/alerts?state=open')).items, {
          timeout: 60_000,
          interval: 500,
        })
        .toEqual([
          expect.objectContaining({ terminalId: TID, code: 'SIM_DATA_EXHAUSTION', severity: 'minor' }),
        ]);
      alert = (await apiAsAdmin<AlertsResponse>(platform, '/alerts?state=open')).items[0]!;

      await expect.poll(() => mailsTo(AGENT.email).length, WAIT).toBeGreaterThanOrEqual(1);
      await expect.poll(() => mailsTo(TECH).length, WAIT).toBeGreaterThanOrEqual(1);
      const [zh] = mailsTo(AGENT.email);
      expect(zh?.subject).toBe(`[次要] 新告警: 流量卡流量将用完 · 终端 ${TID}`);
      expect(zh?.text).toContain(`终端 ${TID} · 区域 Beijing`);
      expect(zh?.text).toContain('处理建议: 远程为流量卡充值');
      // The evidence in Chinese too, worded from the engine's numbers.
      expect(zh?.text).toMatch(/依据: 余额 \d+ MB，每天消耗 \d+ MB，约 \d+ (小时|天)后用完/);
      expect(zh?.text).not.toMatch(/balance|burning|reaches/);
      expect(zh?.html).toContain('远程为流量卡充值');
      const [en] = mailsTo(TECH);
      expect(en?.subject).toBe(`[Minor] New: SIM data running out · Terminal ${TID}`);
      expect(en?.text).toContain('What to do: Top up the SIM remotely');
      // The engine raises at its first forecast, while the reports are still coming in.
      expect(en?.text).toMatch(/Evidence: balance \d+ MB, burning \d+ MB\/day, reaches 0 in ~/);
      expect(mailsTo(OTHER_TECH)).toEqual([]);
    }, 120_000);

    it('reminds until the agent acknowledges in the browser, then sends no reminder for longer than the interval', async () => {
      // Reminders come while nobody has taken it.
      await expect.poll(() => reminders(AGENT.email).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
      await expect
        .poll(
          () => subjects(TECH).some((s) => s.startsWith('[Minor] Reminder, still not acknowledged')),
          WAIT,
        )
        .toBe(true);

      await signIn(page, platform.baseUrl, AGENT.username, AGENT.password);
      await page.getByRole('link', { name: /^Open alerts: / }).click();
      const row = page.getByRole('table', { name: 'Alerts' }).locator(`tr[data-alert-id="${alert.id}"]`);
      await row.waitFor(WAIT);
      await row.getByRole('link').first().click();
      const drawer = page.getByRole('dialog', { name: 'Alert' });
      const form = drawer.getByRole('form', { name: 'Acknowledge' });
      await form.getByLabel('Note').fill(NOTE);
      await form.getByRole('button', { name: 'Acknowledge' }).click();
      await drawer
        .getByRole('list', { name: 'Timeline' })
        .getByRole('listitem')
        .filter({ hasText: `Acknowledged by ${AGENT.username}` })
        .waitFor(WAIT);
      await screenshot(page, '14-sim-alert-acknowledged');
      const acknowledged = await detail();
      expect(acknowledged).toMatchObject({ state: 'acknowledged', acknowledgedBy: AGENT.username });

      // Three reminder intervals with nobody told anything: the acknowledgement stopped them.
      const remindedBefore = acknowledged.timeline.filter((entry) => entry.kind === 'reminded');
      await new Promise((resolve) => setTimeout(resolve, 3 * REMINDER_S * 1000));
      const after = await detail();
      expect(after.timeline.filter((entry) => entry.kind === 'reminded')).toEqual(remindedBefore);
      // Each reminder on the timeline reached the agent once, and no other did.
      expect(reminders(AGENT.email)).toHaveLength(remindedBefore.length);
      for (const entry of remindedBefore)
        expect(Date.parse(entry.at)).toBeLessThanOrEqual(Date.parse(acknowledged.acknowledgedAt!));
    }, 150_000);

    it('resolves by itself once a top-up makes the balance jump, and mails the resolution', async () => {
      const before = { agent: mailsTo(AGENT.email).length, tech: mailsTo(TECH).length };
      await terminal.publish(TID, 'sim', {
        iccid: '89860012345678901234',
        dataBalanceMb: 2_048,
        expiresAt: '2027-12-31',
        carrier: 'CMCC',
      });
      await terminal.publish(TID, 'heartbeat', { intervalS: 60, uptimeS: 3_660, comm: '4g', power: 'mains' });
      await expect
        .poll(async () => (await detail()).state, { timeout: 60_000, interval: 500 })
        .toBe('resolved');
      expect(await detail()).toMatchObject({ resolvedBy: 'system' });

      await expect.poll(() => mailsTo(AGENT.email).length, WAIT).toBe(before.agent + 1);
      await expect.poll(() => mailsTo(TECH).length, WAIT).toBe(before.tech + 1);
      expect(subjects(AGENT.email).at(-1)).toBe(`[次要] 已解决: 流量卡流量将用完 · 终端 ${TID}`);
      expect(subjects(TECH).at(-1)).toBe(`[Minor] Resolved: SIM data running out · Terminal ${TID}`);
      // One opening, the reminders before the acknowledgement, one resolution: nothing else, to nobody else.
      expect(subjects(AGENT.email).filter((s) => /新告警|已解决/.test(s))).toHaveLength(2);
      expect(mailsTo(OTHER_TECH)).toEqual([]);
      expect(smtp.mails.every((mail) => mail.subject?.includes(TID))).toBe(true);
    }, 120_000);
  },
);
