import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TechniciansResponse, WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { apiAsAdmin, postAsAdmin } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { startPlatform, type RunningPlatform } from './support/platform';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';

/**
 * Support's dispatch board on the real built platform: open orders listed with their SLA,
 * technicians with their loads, an order reassigned by select (the server and the loads
 * follow), and an order made elsewhere appearing live, without a reload.
 */
const blocked = e2eBlocker();
const WAIT = { timeout: 30_000, interval: 250 };
const SUPPORT = { username: 'support.board', password: 'support-board-password' };
const TERMINALS = ['E2E-BOARD-1', 'E2E-BOARD-2'];

describe.skipIf(blocked)('the dispatch board', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let page: Page;
  let first: WorkOrderView;
  let techs: Record<'wang' | 'li', string>;

  const order = (id: string) => apiAsAdmin<WorkOrderView>(platform, `/work-orders/${id}`);
  const loadOf = (username: string) =>
    page.getByTestId('technician-load').filter({ hasText: username }).innerText();

  beforeAll(async () => {
    platform = await startPlatform({ fleetSize: 0 });
    await postAsAdmin(
      platform,
      '/terminals/import',
      TERMINALS.map((terminalId, i) => ({
        terminalId,
        merchantId: `M-BOARD-${i}`,
        merchantName: `Board Shop ${i}`,
        region: 'Beijing',
        lat: 39.9 + i / 100,
        lon: 116.4,
      })),
    );
    await postAsAdmin(platform, '/users', { ...SUPPORT, role: 'support', locale: 'en' });
    // Wang lives next to the shops, so the platform picks Wang first.
    const wang = await postAsAdmin<{ id: string }>(platform, '/users', {
      username: 'tech.wang',
      password: 'tech-wang-password',
      role: 'technician',
      regions: ['Beijing'],
      homeBase: { lat: 39.9, lon: 116.4 },
    });
    const li = await postAsAdmin<{ id: string }>(platform, '/users', {
      username: 'tech.li',
      password: 'tech-li-password',
      role: 'technician',
      regions: ['Beijing'],
      homeBase: { lat: 40.2, lon: 116.9 },
    });
    techs = { wang: wang.id, li: li.id };
    first = await postAsAdmin<WorkOrderView>(platform, '/work-orders', {
      terminalId: TERMINALS[0],
      code: 'COMM_MODULE_FAULT',
      note: 'merchant reports card reads failing',
    });
    browser = await launchBrowser();
    page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })
    ).newPage();
    await signIn(page, platform.baseUrl, SUPPORT.username, SUPPORT.password);
    await page.goto(`${platform.baseUrl}/#/dispatch`);
    await page.getByRole('heading', { name: 'Dispatch board' }).waitFor(WAIT);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 30_000);

  it('lists the open order with its SLA, assigned to the nearest technician, and the technicians’ loads', async () => {
    expect(first.assignee).toBe(techs.wang);
    const row = page.getByTestId('dispatch-row').filter({ hasText: TERMINALS[0]! });
    await row.waitFor(WAIT);
    expect(await row.innerText()).toContain('Board Shop 0');
    expect(await row.innerText()).toMatch(/On track|At risk of breach/);
    const select = page.getByLabel(`Assign ${TERMINALS[0]} to`, { exact: true });
    expect(await select.inputValue()).toBe(techs.wang);
    await expect.poll(() => loadOf('tech.wang'), WAIT).toContain('1 active');
    await expect.poll(() => loadOf('tech.li'), WAIT).toContain('0 active');
  }, 60_000);

  it('reassigns the order by select: the server, the select and both loads follow', async () => {
    await page.getByLabel(`Assign ${TERMINALS[0]} to`, { exact: true }).selectOption(techs.li);
    await expect.poll(async () => (await order(first.id)).assignee, WAIT).toBe(techs.li);
    await expect.poll(() => loadOf('tech.li'), WAIT).toContain('1 active');
    await expect.poll(() => loadOf('tech.wang'), WAIT).toContain('0 active');
    const technicians = await apiAsAdmin<TechniciansResponse>(platform, '/technicians');
    expect(technicians.items.find((t) => t.id === techs.li)?.activeOrders).toBe(1);
    await screenshot(page, '18-dispatch-board-reassigned');
  }, 60_000);

  it('shows an order made elsewhere at once, without a reload', async () => {
    const rows = page.getByTestId('dispatch-row');
    expect(await rows.count()).toBe(1);
    await postAsAdmin(platform, '/work-orders', { terminalId: TERMINALS[1], kind: 'paper_delivery' });
    await page.getByTestId('dispatch-row').filter({ hasText: TERMINALS[1]! }).waitFor(WAIT);
    expect(await rows.count()).toBe(2);
  }, 60_000);
});
