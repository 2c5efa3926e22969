import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalListView } from '@fleet/telemetry/api/terminals';
import { apiAsAdmin } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { startPlatform, type RunningPlatform } from './support/platform';
import { TerminalPublisher } from './support/publish';
import { cardMismatches, injectedFaults, type ShownCard } from './support/injected-faults';
import { readCards } from './support/read-cards';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';

/**
 * The dashboard against the real built platform (embedded broker and database, 60
 * simulated terminals with injected faults) in headless Chromium at 1366×768.
 */
const blocked = e2eBlocker();
const WAIT = { timeout: 60_000 };

describe.skipIf(blocked)('support-centre dashboard, end to end', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    platform = await startPlatform({ fleetSize: 60 });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 30_000);

  it('signs in and shows the fleet overview', async () => {
    await signIn(page, platform.baseUrl, platform.admin.username, platform.admin.password);
    const total = page.getByRole('region', { name: 'Terminals', exact: true });
    await expect.poll(async () => total.locator('.stat-card__value').textContent(), WAIT).toBe('60');
    await page.getByRole('region', { name: 'Ingest' }).getByText('API ok').waitFor(WAIT);
    await page.getByRole('table').locator('tbody tr').first().waitFor(WAIT);
    await screenshot(page, '01-overview');
  }, 90_000);

  it('draws every terminal on the offline map, clustered', async () => {
    await page.getByRole('link', { name: 'Live map' }).click();
    await page.getByText('60 of 60 terminals shown').waitFor(WAIT);
    await page.locator('.map-cluster').first().waitFor(WAIT);
    await page.locator('[data-basemap="ready"]').waitFor(WAIT);
    // The basemap is drawn from bundled Natural Earth data: no tile server is contacted.
    const leafletTiles = await page.locator('.leaflet-tile').count();
    expect(leafletTiles).toBe(0);
    const clustered = await page.locator('.map-cluster span').allTextContents();
    expect(clustered.reduce((sum, n) => sum + Number(n), 0)).toBeGreaterThan(0);
    await screenshot(page, '02-map');
  }, 90_000);

  it("lists the simulator's injected faults in the at-risk queue with causes and actions", async () => {
    // Run alone (-t "injected"), the page has not signed in yet.
    if (!page.url().startsWith(platform.baseUrl)) {
      await signIn(page, platform.baseUrl, platform.admin.username, platform.admin.password);
    }
    await page.getByRole('link', { name: 'At-risk queue' }).click();
    const queue = page.getByRole('list', { name: 'At-risk queue' });
    const cards = queue.locator('.risk-card');
    await cards.first().waitFor({ timeout: 120_000 });
    // Each card's terminal and cause chips against what the simulator injected there. The
    // queue is live, so the comparison is retried until it holds, on one snapshot each time.
    const injected = injectedFaults(platform.fleet);
    let shown: ShownCard[] = [];
    await expect
      .poll(async () => {
        shown = await queue.evaluate(readCards);
        return cardMismatches(shown, injected, Date.now());
      }, WAIT)
      .toEqual([]);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const chips = await page
      .getByRole('group', { name: 'Filter by cause' })
      .getByRole('button')
      .allTextContents();
    expect(chips.length).toBeGreaterThanOrEqual(2);
    const scores = (await cards.locator('.risk-score__value').allTextContents()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await expect.poll(() => cards.first().locator('.risk-card__action').textContent()).toMatch(/^Do: \S/);
    // Marking the merchant contacted is stored by the server and shown with who did it.
    const firstCard = cards.first();
    await firstCard.getByRole('button', { name: 'Merchant contacted' }).click();
    await firstCard.getByText(/^Contacted by admin/).waitFor(WAIT);
    await screenshot(page, '03-at-risk');
  }, 150_000);

  it("renders a terminal's charts", async () => {
    // A 4G terminal that has reported: it has signal, SIM and heartbeat history to draw.
    const list = await apiAsAdmin<TerminalListView>(platform, '/terminals?pageSize=200');
    const subject = list.items.find((t) => t.comm === '4g' && t.lastSeenAt !== null);
    expect(subject, 'a 4G terminal that has reported').toBeDefined();
    const terminalId = subject!.terminalId;
    await page.evaluate((id) => {
      window.location.hash = `#/terminals/${id}`;
    }, terminalId);
    await page.getByRole('heading', { name: terminalId }).waitFor(WAIT);
    await page.getByRole('region', { name: 'Why it is at risk' }).waitFor(WAIT);
    for (const name of ['Signal', 'SIM data balance', 'Online / offline and heartbeats', 'Transactions']) {
      await page.getByRole('figure', { name }).waitFor(WAIT);
    }
    // Signal and SIM balance are drawn as lines with data, not empty frames.
    await page.getByRole('figure', { name: 'Signal' }).locator('.recharts-line path').first().waitFor(WAIT);
    await page
      .getByRole('figure', { name: 'SIM data balance' })
      .locator('.recharts-line path')
      .first()
      .waitFor(WAIT);
    await page.getByRole('button', { name: '7 days' }).click();
    await page.locator('.chart .recharts-surface').first().waitFor(WAIT);
    await screenshot(page, '04-terminal');
  }, 90_000);

  it('shows a live paper message without a reload', async () => {
    const terminalId = (await page.locator('h1.page-title').textContent()) ?? '';
    await page.getByText('Live', { exact: true }).waitFor(WAIT);
    // A marker on window survives only if the page is never reloaded.
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
    const paper = page.getByTestId('paper-status');
    const publisher = await TerminalPublisher.connect(platform.mqttUrl);
    try {
      // Publish until the page shows it: the first message may beat the page's follow request.
      for (const [status, label] of [
        ['ok', 'OK'],
        ['out', 'out of paper'],
      ] as const) {
        await expect
          .poll(
            async () => {
              if ((await paper.textContent().catch(() => null)) !== label)
                await publisher.publish(terminalId, 'paper', { status });
              return paper.textContent();
            },
            { timeout: 30_000, interval: 1_000 },
          )
          .toBe(label);
      }
    } finally {
      await publisher.close();
    }
    await page
      .getByRole('region', { name: 'Live messages' })
      .getByText('status=out', { exact: false })
      .waitFor(WAIT);
    expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
    await screenshot(page, '05-live-paper');
  }, 90_000);

  it('switches to Simplified Chinese and remembers it across a reload', async () => {
    await page.getByLabel('Language').first().selectOption('zh-CN');
    await page.getByRole('link', { name: '风险队列' }).waitFor(WAIT);
    await page.reload();
    // The remembered refresh token signs back in; the remembered language is still Chinese.
    await page.getByRole('navigation', { name: '主导航' }).waitFor(WAIT);
    await page.getByRole('link', { name: '终端总览' }).click();
    await page.getByRole('region', { name: '在线率' }).waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, '06-overview-zh');
    // The queue's evidence is worded in Chinese too, not only its labels.
    await page.getByRole('link', { name: '风险队列' }).click();
    const evidence = page.getByRole('list', { name: '风险队列' }).locator('.cause-list__evidence');
    await evidence.first().waitFor(WAIT);
    const texts = await evidence.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, '07-at-risk-zh');
  }, 90_000);
});
