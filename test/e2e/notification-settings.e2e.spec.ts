import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { startPlatform, type RunningPlatform } from './support/platform';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';

/**
 * A support agent's own notification settings and inbox against the real built platform
 * (a small fleet: this is about one person's choices) in headless Chromium.
 */
const blocked = e2eBlocker();
const WAIT = { timeout: 30_000 };
const AGENT = { username: 'agent.e2e', password: 'agent-e2e-password' };

describe.skipIf(blocked)('notification settings and the inbox, end to end', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    platform = await startPlatform({ fleetSize: 3 });
    const api = `${platform.baseUrl}/api/v1`;
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(platform.admin),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const created = await fetch(`${api}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ ...AGENT, role: 'support', email: 'agent@example.test', locale: 'en' }),
    });
    if (created.status !== 201) throw new Error(`agent: ${created.status} ${await created.text()}`);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 30_000);

  it('saves the agent’s channels and shows them again after a reload', async () => {
    await signIn(page, platform.baseUrl, AGENT.username, AGENT.password);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Notification settings' })
      .click();
    const sms = page.getByRole('checkbox', { name: 'SMS on' });
    await sms.waitFor(WAIT);
    expect(await sms.isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Email on' }).isChecked()).toBe(true);
    await sms.check();
    await page.getByLabel('Minimum severity for SMS').selectOption('critical');
    await page.getByRole('checkbox', { name: 'Email on' }).uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved', { exact: true }).waitFor(WAIT);
    await screenshot(page, '20-notification-settings');

    await page.reload();
    await page.getByRole('checkbox', { name: 'SMS on' }).waitFor(WAIT);
    expect(await page.getByRole('checkbox', { name: 'SMS on' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Email on' }).isChecked()).toBe(false);
    expect(await page.getByLabel('Minimum severity for SMS').inputValue()).toBe('critical');
  }, 120_000);

  it('opens the inbox from the header, its unread count in the button’s label', async () => {
    const button = page.getByRole('button', { name: /^Inbox: \d+ unread$/ });
    await button.waitFor(WAIT);
    await button.click();
    const panel = page.getByRole('region', { name: 'Inbox' });
    await panel.waitFor(WAIT);
    await panel.getByRole('button', { name: 'Mark all read' }).waitFor(WAIT);
    await screenshot(page, '21-inbox');
  }, 60_000);
});
