import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { startPlatform, type RunningPlatform } from './support/platform';
import { TerminalPublisher } from './support/publish';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';

/**
 * The dashboard's live socket against the real built platform, with access tokens that
 * last 10 s: the socket must outlive each token by itself, and end with a disabled user.
 */
const blocked = e2eBlocker();
const TTL_S = 10;
const WAIT = { timeout: 30_000 };
const SUPPORT = { username: 'support.e2e', password: 'support-e2e-password' };

/** Socket.io frames the page receives, as `[event, payload]`. */
function recordSocketEvents(page: Page): Array<[string, unknown]> {
  const events: Array<[string, unknown]> = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString();
      if (text.startsWith('42')) events.push(JSON.parse(text.slice(2)) as [string, unknown]);
    }),
  );
  return events;
}

describe.skipIf(blocked)('the dashboard’s live socket follows the session, end to end', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let publisher: TerminalPublisher;

  beforeAll(async () => {
    platform = await startPlatform({ fleetSize: 3, env: { FLEET_ACCESS_TOKEN_TTL_S: String(TTL_S) } });
    browser = await launchBrowser();
    publisher = await TerminalPublisher.connect(platform.mqttUrl);
  }, 180_000);

  afterAll(async () => {
    await publisher?.close();
    await browser?.close();
    await platform?.stop();
  }, 30_000);

  const newPage = async () =>
    (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const adminToken = async () => {
    const reply = await fetch(`${platform.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(platform.admin),
    });
    return ((await reply.json()) as { accessToken: string }).accessToken;
  };
  const adminCall = async (method: string, path: string, body: unknown) =>
    fetch(`${platform.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await adminToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('keeps receiving pushes long after the token it connected with expired', async () => {
    const page = await newPage();
    const events = recordSocketEvents(page);
    await signIn(page, platform.baseUrl, platform.admin.username, platform.admin.password);
    await page.locator('.live--connected').waitFor(WAIT);

    // Three token lifetimes: the first token and at least one more expire meanwhile.
    await page.waitForTimeout(3 * TTL_S * 1000);
    const since = events.length;
    await publisher.publish('E2E-LIVE-1', 'paper', { status: 'out' });
    await expect
      .poll(
        () =>
          events
            .slice(since)
            .some(
              ([name, payload]) =>
                name === 'terminals.changed' &&
                (payload as Array<{ terminalId: string }>).some((c) => c.terminalId === 'E2E-LIVE-1'),
            ),
        WAIT,
      )
      .toBe(true);
    await page.locator('.live--connected').waitFor(WAIT);
    // Whichever came first, a renewal or a server close and reconnect, the page never signed out.
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    await screenshot(page, '14-live-after-token-expiry');
  }, 90_000);

  it('signs out a user who is disabled while the dashboard is open, saying why', async () => {
    const created = await adminCall('POST', '/users', { ...SUPPORT, role: 'support' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const page = await newPage();
    const events = recordSocketEvents(page);
    await signIn(page, platform.baseUrl, SUPPORT.username, SUPPORT.password);
    await page.locator('.live--connected').waitFor(WAIT);

    expect((await adminCall('PATCH', `/users/${id}`, { disabled: true })).status).toBe(200);
    await page.getByText('Your account has been disabled. Ask an administrator.').waitFor(WAIT);
    expect(
      events.some(
        ([name, payload]) =>
          name === 'session.ended' && (payload as { reason: string }).reason === 'user_disabled',
      ),
    ).toBe(true);
    await screenshot(page, '15-signed-out-disabled');
  }, 60_000);
});
