import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsResponse, AlertView } from '@fleet/telemetry/api/alerts';
import type { MaintenanceWindowsResponse } from '@fleet/telemetry/api/muting';
import type { MyQuietHours } from '@fleet/telemetry/api/notifications';
import { apiAsAdmin, postAsAdmin } from './support/api';
import { screenshot } from './support/browser';
import { publishSimRunningOut, TerminalPublisher } from './support/publish';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';
import { openSmallPlatformPage, type PlatformPage } from './support/small-platform-page';

/**
 * Muting in the dashboard against the real built platform with no demo fleet: one terminal's
 * SIM data running out (over MQTT) opens the alert to silence; a weekly maintenance window;
 * the admin's own quiet hours. One platform for the file.
 */
const blocked = e2eBlocker();
const WAIT = { timeout: 30_000 };
const TID = 'E2E-MUTE-1';
const SILENCE_COMMENT = 'e2e: SIM top-up booked';
const WINDOW_COMMENT = 'e2e: weekly firmware push';
const CHINA_MS = 8 * 3_600_000;

describe.skipIf(blocked)('silences, maintenance windows and quiet hours, end to end', () => {
  let opened: PlatformPage;
  let page: Page;
  let terminal: TerminalPublisher;
  let alert: AlertView;

  const open = (hash: string) => page.goto(`${opened.platform.baseUrl}/${hash}`);
  const alertRow = () =>
    page.getByRole('table', { name: 'Alerts' }).locator(`tr[data-alert-id="${alert.id}"]`);

  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

  beforeAll(async () => {
    opened = await openSmallPlatformPage(0);
    page = opened.page;
    await postAsAdmin(opened.platform, '/terminals/import', [
      {
        terminalId: TID,
        merchantId: 'M-E2E-MUTE',
        merchantName: 'Tea House',
        region: 'Beijing',
        lat: 39.9,
        lon: 116.4,
      },
    ]);
    terminal = await TerminalPublisher.connect(opened.platform.mqttUrl);
    await publishSimRunningOut(terminal, TID);
    const { admin, baseUrl } = opened.platform;
    await signIn(page, baseUrl, admin.username, admin.password);
  }, 420_000);

  afterAll(async () => {
    await terminal?.close();
    await opened?.close();
  }, 30_000);

  it('silences an alert from its drawer, marks it silenced, and unmarks it once expired', async () => {
    await expect
      .poll(async () => (await apiAsAdmin<AlertsResponse>(opened.platform, '/alerts?state=open')).items, {
        timeout: 60_000,
        interval: 500,
      })
      .toEqual([expect.objectContaining({ terminalId: TID, code: 'SIM_DATA_EXHAUSTION' })]);
    alert = (await apiAsAdmin<AlertsResponse>(opened.platform, '/alerts?state=open')).items[0]!;
    await open(`#/alerts/${alert.id}`);
    const drawer = page.getByRole('dialog', { name: 'Alert' });
    await drawer.getByText('Sent as usual').waitFor(WAIT);
    await drawer.getByRole('link', { name: 'Silence this' }).click();

    // The form opens filled in from the alert; saving goes back to the alert.
    await page.getByText('Filled in from the alert.').waitFor(WAIT);
    const form = page.getByRole('form', { name: 'New silence' });
    expect(await form.getByLabel('Terminal').inputValue()).toBe(TID);
    expect(await form.getByLabel('Cause').inputValue()).toBe('SIM_DATA_EXHAUSTION');
    await form.getByLabel('4 hours').check();
    await form.getByLabel('Comment').fill(SILENCE_COMMENT);
    await form.getByRole('button', { name: 'Silence', exact: true }).click();
    await drawer.getByText('Held back by a silence').waitFor(WAIT);
    expect(await drawer.getByRole('link', { name: 'Silence this' }).count()).toBe(0);
    await alertRow().getByTestId('alert-muting').getByText('silenced', { exact: true }).waitFor(WAIT);

    await open('#/silences');
    const row = page
      .getByRole('table', { name: 'Silences' })
      .locator('tbody tr')
      .filter({ hasText: SILENCE_COMMENT });
    await row.getByText('active', { exact: true }).waitFor(WAIT);
    expect(await row.locator('td').nth(1).textContent()).toContain(TID);
    await screenshot(page, '60-silences');

    await row.getByRole('button', { name: 'Expire' }).click();
    await page.getByRole('status').getByText('Silence expired.').waitFor(WAIT);
    await page.getByRole('button', { name: /^Show expired \(1\)$/ }).click();
    await row.getByText('expired', { exact: true }).waitFor(WAIT);
    expect(await row.getByRole('button', { name: 'Expire' }).count()).toBe(0);
    await screenshot(page, '64-silences-expired');

    await open('#/alerts');
    await alertRow().waitFor(WAIT);
    await alertRow()
      .getByTestId('alert-muting')
      .waitFor({ state: 'detached', ...WAIT });
    const stored = await apiAsAdmin<AlertsResponse>(opened.platform, '/alerts?state=open');
    const after = stored.items.find((a) => a.id === alert.id);
    // The API leaves the muting fields out of an alert nothing holds back.
    expect(after).toMatchObject({ state: 'open' });
    expect(after).not.toHaveProperty('silenced');
    expect(after).not.toHaveProperty('silenceId');
  }, 120_000);

  it('creates a weekly maintenance window that is listed after a reload with its next occurrence', async () => {
    await open('#/maintenance');
    await page.getByRole('button', { name: 'New window' }).click();
    const form = page.getByRole('form', { name: 'New maintenance window' });
    await form.getByLabel('Region').fill('Beijing');
    await form.getByLabel('Every week').check();
    const days = form.getByRole('group', { name: 'Days' });
    await days.getByLabel('Tue').check();
    await days.getByLabel('Thu').check();
    await form.getByLabel('Start time (China time)').fill('02:30');
    await form.getByLabel('Duration in minutes').fill('90');
    await form.getByLabel('Comment').fill(WINDOW_COMMENT);
    await form.getByRole('button', { name: 'Save window' }).click();
    await page.getByRole('status').getByText('Maintenance window saved.').waitFor(WAIT);

    await page.reload();
    const row = page
      .getByRole('table', { name: 'Maintenance windows' })
      .locator('tbody tr')
      .filter({ hasText: WINDOW_COMMENT });
    await row.waitFor(WAIT);
    const { items } = await apiAsAdmin<MaintenanceWindowsResponse>(opened.platform, '/maintenance-windows');
    expect(items).toHaveLength(1);
    const [window] = items;
    expect(window).toMatchObject({
      scope: { region: 'Beijing' },
      schedule: { kind: 'weekly', days: [2, 4], start: '02:30', durationMinutes: 90 },
      comment: WINDOW_COMMENT,
    });
    // The next occurrence is a Tuesday or Thursday at 02:30 China time, 90 minutes long.
    const next = window!.nextOccurrence!;
    const startChina = new Date(Date.parse(next.startsAt) + CHINA_MS);
    expect([2, 4]).toContain(startChina.getUTCDay());
    expect(startChina.toISOString().slice(11, 16)).toBe('02:30');
    expect(Date.parse(next.endsAt) - Date.parse(next.startsAt)).toBe(90 * 60_000);
    const cells = row.locator('td');
    expect(await cells.nth(0).textContent()).toContain('Beijing');
    expect(await cells.nth(1).textContent()).toMatch(/Tue.*Thu.*02:30/);
    // The Next cell shows that occurrence, from start to end, as English dates in the browser's zone.
    const inBrowser = (iso: string) =>
      page.evaluate(
        (at) => new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
        iso,
      );
    expect((await cells.nth(2).textContent())?.trim()).toBe(
      `${await inBrowser(next.startsAt)} – ${await inBrowser(next.endsAt)}`,
    );
    await screenshot(page, '61-maintenance');
  }, 90_000);

  it('saves quiet hours on the settings page: they survive a reload and the API returns them', async () => {
    await open('#/settings/notifications');
    const form = page.getByRole('form', { name: 'Quiet hours' });
    await form.getByLabel('Quiet hours on').waitFor(WAIT);
    await form.getByLabel('Quiet hours on').check();
    await form.getByLabel('From').fill('22:15');
    await form.getByLabel('Until').fill('06:45');
    await form.getByLabel('Critical alerts still come through').uncheck();
    await form.getByRole('button', { name: 'Save quiet hours' }).click();
    await form.getByRole('status').getByText('Quiet hours saved').waitFor(WAIT);

    await page.reload();
    const again = page.getByRole('form', { name: 'Quiet hours' });
    await again.getByLabel('Quiet hours on').waitFor(WAIT);
    expect(await again.getByLabel('Quiet hours on').isChecked()).toBe(true);
    expect(await again.getByLabel('From').inputValue()).toBe('22:15');
    expect(await again.getByLabel('Until').inputValue()).toBe('06:45');
    expect(await again.getByLabel('Critical alerts still come through').isChecked()).toBe(false);
    expect(await apiAsAdmin<MyQuietHours>(opened.platform, '/users/me/quiet-hours')).toEqual({
      quietHours: { start: '22:15', end: '06:45', criticalOverride: false },
    });
  }, 60_000);

  it('fits the Silences and Maintenance pages in a 390 px wide phone, no sideways scroll', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open('#/silences');
    await page.getByRole('link', { name: 'New silence' }).click();
    await page.getByRole('form', { name: 'New silence' }).waitFor(WAIT);
    await screenshot(page, '62-silences-phone');
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await open('#/maintenance');
    await page.getByRole('table', { name: 'Maintenance windows' }).waitFor(WAIT);
    await screenshot(page, '63-maintenance-phone');
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 60_000);
});
