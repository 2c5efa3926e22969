import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDetail, AlertsResponse, AlertView } from '@fleet/telemetry/api/alerts';
import { apiAsAdmin } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { startPlatform, type RunningPlatform } from './support/platform';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';

/**
 * The alerts page and the bell against the real built platform: the demo fleet's faults
 * (SIM data running out raises at once) open alerts; an admin acknowledges two in bulk.
 */
const blocked = e2eBlocker();
const WAIT = { timeout: 30_000 };
const NOTE = 'e2e storm: on it';

describe.skipIf(blocked)('alerts in the dashboard, end to end', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let page: Page;
  let picked: AlertView[];

  const openAlerts = async () => (await apiAsAdmin<AlertsResponse>(platform, '/alerts?state=open')).items;
  /** The bell's number as its label says it (the badge itself is gone at zero). */
  const bellCount = async (on: Page) =>
    Number(/: (\d+)$/.exec((await on.locator('a.bell').getAttribute('aria-label')) ?? '')?.[1] ?? NaN);

  beforeAll(async () => {
    platform = await startPlatform({ fleetSize: 60 });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 30_000);

  it('shows the open alerts in the bell and lists them on the page', async () => {
    // The back-fill has played a day of faults; wait until two terminal alerts are open.
    await expect
      .poll(async () => (await openAlerts()).filter((a) => a.terminalId).length, {
        timeout: 120_000,
        interval: 1_000,
      })
      .toBeGreaterThanOrEqual(2);
    await signIn(page, platform.baseUrl, platform.admin.username, platform.admin.password);
    await page.locator('.bell__count').waitFor(WAIT);
    expect(Number(await page.locator('.bell__count').textContent())).toBeGreaterThanOrEqual(2);
    // The bell follows the API's count of open alerts in scope.
    await expect.poll(async () => (await bellCount(page)) === (await openAlerts()).length, WAIT).toBe(true);
    expect(await bellCount(page)).toBeGreaterThanOrEqual(2);

    await page.getByRole('link', { name: /^Open alerts: / }).click();
    const table = page.getByRole('table', { name: 'Alerts' });
    await table.waitFor(WAIT);
    picked = (await openAlerts()).filter((a) => a.terminalId).slice(0, 2);
    for (const alert of picked) await table.locator(`tr[data-alert-id="${alert.id}"]`).waitFor(WAIT);
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, '10-alerts');
  }, 180_000);

  it('acknowledges two in bulk with a note: the bell drops and the timeline says who did it', async () => {
    const before = await bellCount(page);
    // A second person on another page: only the socket's `alerts.changed` can tell their bell.
    const watcher = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn(watcher, platform.baseUrl, platform.admin.username, platform.admin.password);
    await watcher.getByText('Live', { exact: true }).waitFor(WAIT);
    await expect.poll(() => bellCount(watcher), WAIT).toBe(before);
    await watcher.evaluate(() => Object.assign(window, { e2eNoReload: true }));
    const rows = picked.map((alert) => page.locator(`tr[data-alert-id="${alert.id}"]`));
    for (const row of rows) await row.getByRole('checkbox').check();
    const bulk = page.getByRole('form', { name: 'Acknowledge selected alerts' });
    await bulk.getByText('2 selected').waitFor(WAIT);
    await bulk.getByLabel('Note').fill(NOTE);
    await bulk.getByRole('button', { name: 'Acknowledge 2' }).click();
    await bulk.waitFor({ state: 'detached', ...WAIT });
    await page.getByText(/^Acknowledged 2; 0 skipped/).waitFor(WAIT);
    for (const row of rows) await row.waitFor({ state: 'detached', ...WAIT });

    // The bell drops, here and live on the watcher's page without a reload, and agrees with the API.
    await expect.poll(() => bellCount(page), WAIT).toBeLessThan(before);
    await expect.poll(() => bellCount(watcher), WAIT).toBeLessThan(before);
    const open = (await openAlerts()).length;
    await expect.poll(() => bellCount(page), WAIT).toBe(open);
    await expect.poll(() => bellCount(watcher), WAIT).toBe(open);
    expect(await watcher.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
    await watcher.context().close();
    for (const alert of picked) {
      const stored = await apiAsAdmin<AlertDetail>(platform, `/alerts/${alert.id}`);
      expect(stored).toMatchObject({
        state: 'acknowledged',
        acknowledgedBy: platform.admin.username,
        acknowledgeNote: NOTE,
      });
    }

    // The detail of an acknowledged alert: its timeline names who and the note.
    await page.getByRole('button', { name: 'Acknowledged' }).click();
    const first = page.locator(`tr[data-alert-id="${picked[0]!.id}"]`);
    await first.getByRole('link').first().click();
    const drawer = page.getByRole('dialog', { name: 'Alert' });
    const timeline = drawer.getByRole('list', { name: 'Timeline' });
    await timeline
      .getByRole('listitem')
      .filter({ hasText: `Acknowledged by ${platform.admin.username}` })
      .filter({ hasText: NOTE })
      .waitFor(WAIT);
    await screenshot(page, '11-alert-drawer');

    // The same at phone size: the drawer over the list, then the list itself.
    await page.setViewportSize({ width: 390, height: 844 });
    await timeline.waitFor(WAIT);
    await screenshot(page, '12-alert-drawer-phone');
    await drawer.getByRole('link', { name: 'Close the alert' }).click();
    await drawer.waitFor({ state: 'detached', ...WAIT });
    await screenshot(page, '13-alerts-phone');
  }, 90_000);
});
