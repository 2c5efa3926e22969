import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyTimeZone, ReportSubscriptionList } from '@fleet/telemetry/api/report-subscriptions';
import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { postAsAdmin } from './support/api';
import { launchBrowser } from './support/browser';
import { startPlatform, type RunningPlatform } from './support/platform';
import { TerminalPublisher } from './support/publish';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';

/**
 * The reports page against the real built platform, in headless Chromium: an account
 * manager sees only their merchants, picks a custom period, drills down to a terminal and
 * downloads the PDF (read back with pdftotext) and the CSV (parsed back), in both languages;
 * then subscribes to the weekly report and changes their time zone.
 */
const blocked = e2eBlocker();
const WAIT = { timeout: 30_000 };
const HOUR = 3_600_000;
const SCREENSHOTS = resolve(__dirname, '../../test-results/e2e');
const MANAGER = { username: 'am.reports', password: 'am-reports-password' };
// A comma and quotes, so the CSV has to quote the name; Chinese, so the PDF needs its CJK font.
const MERCHANT = '老王便利店, "朝阳"店';
const OTHER_MERCHANT = '星巴克 国贸店';
const TERMINALS = ['RPT-0001', 'RPT-0002'];
const OTHER_TERMINAL = 'RPT-9001';
// Transactions the test publishes: 7 approved a day ago, 11 two days ago (local days apart).
const RECENT = { hoursAgo: 26, approved: 7, timeouts: 1 };
const EARLIER = { hoursAgo: 50, approved: 11, timeouts: 2 };

const localDate = (at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(at);
/** An instant as the weekday and clock of `zone`: "Mon 08:00". */
const clockIn = (at: number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(at)
    .replace(',', '');
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(blocked)('the reports page, end to end', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let page: Page;
  let managerToken: string;
  const downloads = mkdtempSync(join(tmpdir(), 'fleet-reports-e2e-'));
  const earlierDay = localDate(Date.now() - EARLIER.hoursAgo * HOUR);

  const asManager = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${platform.baseUrl}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${managerToken}`,
        accept: 'application/json',
        'content-type': 'application/json',
      },
    });
    if (!response.ok) throw new Error(`${path} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const managerReport = (from: string, to: string) =>
    asManager<DeviceHealthReport>(`/reports/device-health?from=${from}&to=${to}`);

  /** The whole page: the dashboard scrolls inside its main pane, so the window grows to show all of it. */
  const fullScreenshot = async (name: string) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const viewport = page.viewportSize()!;
    const height = await page.evaluate(
      () =>
        document.documentElement.scrollHeight -
        document.getElementById('main')!.clientHeight +
        document.getElementById('main')!.scrollHeight,
    );
    await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    await page.setViewportSize(viewport);
  };

  const terminalsTable = () => page.getByRole('table', { name: 'Terminals' });
  const approvedShown = () =>
    page
      .getByRole('region', { name: 'Transactions' })
      .locator('dl[aria-label="Totals"] div', { hasText: 'Approved' })
      .locator('dd')
      .textContent();

  /** Presses a download button and returns the file the browser saved, with its suggested name. */
  const download = async (language: '中文' | 'English', button: 'Download PDF' | 'Download CSV') => {
    await page
      .getByRole('group', { name: 'Language of the download' })
      .getByRole('button', { name: language })
      .click();
    const [file] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: button }).click(),
    ]);
    const path = join(downloads, file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), path };
  };

  beforeAll(async () => {
    platform = await startPlatform({ fleetSize: 0 });
    await postAsAdmin(platform, '/terminals/import', [
      ...TERMINALS.map((terminalId, i) => ({
        terminalId,
        merchantId: 'M-RPT-1',
        merchantName: MERCHANT,
        region: 'Beijing',
        lat: 39.91 + i / 100,
        lon: 116.4,
        model: 'A920',
        comm: '4g',
      })),
      {
        terminalId: OTHER_TERMINAL,
        merchantId: 'M-RPT-2',
        merchantName: OTHER_MERCHANT,
        region: 'Beijing',
        lat: 39.95,
        lon: 116.45,
        model: 'A920',
        comm: '4g',
      },
    ]);
    await postAsAdmin(platform, '/users', {
      ...MANAGER,
      role: 'account_manager',
      merchantIds: ['M-RPT-1'],
      locale: 'en',
    });
    const login = await fetch(`${platform.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(MANAGER),
    });
    managerToken = ((await login.json()) as { accessToken: string }).accessToken;

    const publisher = await TerminalPublisher.connect(platform.mqttUrl);
    const now = Date.now();
    for (const terminalId of [...TERMINALS, OTHER_TERMINAL]) {
      // Hourly heartbeats over three days, so the terminals have availability figures.
      for (let h = 72; h >= 0; h -= 1) {
        await publisher.publish(terminalId, 'heartbeat', {
          ts: now - h * HOUR,
          intervalS: 3600,
          uptimeS: (72 - h) * 3600,
          comm: '4g',
          power: 'mains',
        });
      }
    }
    for (const { hoursAgo, approved, timeouts } of [RECENT, EARLIER]) {
      await publisher.publish(TERMINALS[0]!, 'txn', {
        ts: now - hoursAgo * HOUR,
        windowS: 900,
        approved,
        declined: 1,
        timeouts,
        reversals: 0,
        reversalFailed: 0,
        commErrors: timeouts,
      });
    }
    // The other merchant trades too: none of it may reach the manager's report.
    await publisher.publish(OTHER_TERMINAL, 'txn', {
      ts: now - EARLIER.hoursAgo * HOUR,
      windowS: 900,
      approved: 500,
      declined: 0,
      timeouts: 0,
      reversals: 0,
      reversalFailed: 0,
      commErrors: 0,
    });
    await publisher.close();

    // The rollups fold the messages in on their next run; wait for that, not for a time.
    const deadline = Date.now() + 180_000;
    let approved = 0;
    while (approved !== EARLIER.approved) {
      if (Date.now() > deadline)
        throw new Error(`the rollups never showed ${EARLIER.approved} approved (last ${approved})`);
      await new Promise((done) => setTimeout(done, 2_000));
      approved = (await managerReport(earlierDay, addDays(earlierDay, 1))).transactions.approved;
    }

    browser = await launchBrowser();
    page = await (
      await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })
    ).newPage();
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(downloads, { recursive: true, force: true });
  }, 30_000);

  it('shows an account manager only their merchants’ terminals, and a custom period’s own figures', async () => {
    await signIn(page, platform.baseUrl, MANAGER.username, MANAGER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await terminalsTable().waitFor(WAIT);
    for (const terminalId of TERMINALS)
      await terminalsTable().getByRole('link', { name: terminalId }).waitFor(WAIT);
    expect(await terminalsTable().getByText(OTHER_TERMINAL).count()).toBe(0);
    const merchants = await page.getByLabel('Merchant', { exact: true }).locator('option').allTextContents();
    expect(merchants).toEqual(['All merchants', MERCHANT]);

    // This week first, then the local day of the earlier trading alone.
    expect(await page.evaluate(() => location.hash)).toBe('#/reports');
    const thisWeekShown = await approvedShown();
    await fullScreenshot('70-reports-desktop');

    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Custom' }).click();
    await page.getByLabel('From').fill(earlierDay);
    await page.getByLabel('To (included)').fill(earlierDay);
    await expect.poll(approvedShown, WAIT).toBe(String(EARLIER.approved));
    expect(thisWeekShown).not.toBe(String(EARLIER.approved));
    const failureRate = (EARLIER.timeouts / (EARLIER.approved + 1 + EARLIER.timeouts)) * 100;
    await page
      .getByRole('region', { name: 'Transactions' })
      .getByText(`${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(failureRate)}%`)
      .first()
      .waitFor(WAIT);
    await fullScreenshot('71-reports-custom');
  }, 120_000);

  it('downloads the PDF in Chinese and English, each naming the merchant', async () => {
    const zh = await download('中文', 'Download PDF');
    expect(zh.name).toBe(`全部商户_${earlierDay}_${earlierDay}_zh-CN.pdf`);
    const zhText = execFileSync('pdftotext', ['-layout', zh.path, '-'], { encoding: 'utf8' });
    expect(zhText).toContain('设备健康报告');
    expect(zhText).toContain('老王便利店');
    expect(zhText).not.toContain('星巴克');

    await page.getByLabel('Merchant', { exact: true }).selectOption({ label: MERCHANT });
    await expect.poll(approvedShown, WAIT).toBe(String(EARLIER.approved));
    const en = await download('English', 'Download PDF');
    expect(en.name).toBe(`老王便利店,-朝阳-店_${earlierDay}_${earlierDay}_en.pdf`);
    const enText = execFileSync('pdftotext', ['-layout', en.path, '-'], { encoding: 'utf8' });
    expect(enText).toContain('Device health report');
    expect(enText).toContain('老王便利店');
  }, 120_000);

  it('downloads the CSV with a BOM, one parsed row per terminal of the merchant', async () => {
    for (const [language, header] of [
      ['English', 'Terminal'],
      ['中文', '终端'],
    ] as const) {
      const csv = await download(language, 'Download CSV');
      const bytes = readFileSync(csv.path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(bytes.toString('utf8').slice(1)) as string[][];
      expect(rows[0]![0]).toBe(header);
      expect(
        rows
          .slice(1)
          .map((r) => [r[0], r[2]])
          .sort(),
      ).toEqual(TERMINALS.map((id) => [id, MERCHANT]));
      const approved = rows.slice(1).map((r) => Number(r[11]));
      expect(approved.reduce((a, b) => a + b, 0)).toBe(EARLIER.approved);
    }
  }, 120_000);

  it('drills down from a terminal row to the terminal’s page', async () => {
    await terminalsTable().getByRole('link', { name: TERMINALS[0] }).click();
    await page.getByRole('heading', { level: 1, name: TERMINALS[0] }).waitFor(WAIT);
    expect(await page.evaluate(() => location.hash)).toBe(`#/terminals/${TERMINALS[0]}`);
  }, 60_000);

  it('fits the reports page in a 390 px wide phone, no sideways scroll of the page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${platform.baseUrl}/#/reports`);
    await terminalsTable().waitFor(WAIT);
    await page.getByRole('figure', { name: 'Transactions per day' }).waitFor(WAIT);
    await fullScreenshot('72-reports-phone');
    await page
      .getByRole('figure', { name: 'Availability by merchant' })
      .screenshot({ path: join(SCREENSHOTS, '74-reports-phone-chart.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The Chinese edition of the page, on the phone too.
    await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    await page.getByRole('heading', { level: 1, name: '报表' }).waitFor(WAIT);
    await page.getByRole('table', { name: '终端列表' }).waitFor(WAIT);
    await fullScreenshot('73-reports-phone-zh');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByLabel('语言', { exact: true }).selectOption('en');
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 60_000);

  it('turns the weekly report on and off in the browser, made Monday 08:00 in the zone the user keeps across a reload', async () => {
    await page.goto(`${platform.baseUrl}/#/reports`);
    const weekly = page.getByRole('form', { name: 'Weekly report' });
    await weekly.getByRole('checkbox', { name: /Weekly report/ }).check();
    await weekly.getByRole('button', { name: 'Subscribe' }).click();
    await weekly.getByText('Saved.').waitFor(WAIT);
    const subscribed = await asManager<ReportSubscriptionList>('/reports/subscriptions');
    expect(subscribed.items.map((s) => [s.cadence, s.merchantIds, s.attachCsv])).toEqual([
      ['weekly', null, false],
    ]);
    const shanghaiRun = Date.parse(subscribed.items[0]!.nextRunAt);
    expect(clockIn(shanghaiRun, 'Asia/Shanghai')).toBe('Mon 08:00');
    expect(shanghaiRun - Date.now()).toBeGreaterThan(0);
    expect(shanghaiRun - Date.now()).toBeLessThanOrEqual(7 * 24 * HOUR);
    await weekly.getByText(/^Next: Mon, .*, 08:00 \(Asia\/Shanghai\)$/).waitFor(WAIT);
    await fullScreenshot('76-reports-scheduled-desktop');

    await page.getByLabel('Your time zone').selectOption('Asia/Tokyo');
    await page.getByText(/· Asia\/Tokyo$/).waitFor(WAIT);
    await page.reload();
    await expect.poll(() => page.getByLabel('Your time zone').inputValue(), WAIT).toBe('Asia/Tokyo');
    expect(await asManager<MyTimeZone>('/users/me/time-zone')).toEqual({ timeZone: 'Asia/Tokyo' });
    const moved = await asManager<ReportSubscriptionList>('/reports/subscriptions');
    expect(clockIn(Date.parse(moved.items[0]!.nextRunAt), 'Asia/Tokyo')).toBe('Mon 08:00');
    await weekly.getByText(/^Next: Mon, .*, 08:00 \(Asia\/Tokyo\)$/).waitFor(WAIT);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('region', { name: 'Scheduled reports' }).screenshot({
      path: join(SCREENSHOTS, '75-reports-scheduled-phone.png'),
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1366, height: 768 });

    await weekly.getByRole('checkbox', { name: /Weekly report/ }).uncheck();
    await weekly.getByText('Unsubscribed.').waitFor(WAIT);
    expect((await asManager<ReportSubscriptionList>('/reports/subscriptions')).items).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByLabel('Your time zone').inputValue(), WAIT).toBe('Asia/Tokyo');
    expect(await weekly.getByRole('checkbox', { name: /Weekly report/ }).isChecked()).toBe(false);
  }, 120_000);
});
