import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { installPageProbe, type PageProbe } from './page-probe';

export const VIEWPORT = { width: 1366, height: 768 };
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** A fresh context (empty HTTP cache, empty storage) with the probe installed. */
export async function probedContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(installPageProbe);
  return context;
}

/**
 * Signs in the way a returning user is signed in: the web app keeps only the refresh token
 * (localStorage `fleet.refreshToken`, see apps/web/src/lib/auth/session.ts) and trades it
 * for an access token on load. Set once, before the first navigation of this context only,
 * because the app rotates it.
 */
export async function rememberSession(context: BrowserContext, origin: string, refreshToken: string): Promise<void> {
  const page = await context.newPage();
  // A blank page of the dashboard's origin, served by the bench, just to reach its localStorage.
  await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html></html>' }));
  await page.goto(`${origin}/__bench_blank`);
  await page.evaluate((token) => localStorage.setItem('fleet.refreshToken', token), refreshToken);
  await page.close();
}

/** Signs in through the real login form; resolves once the form is gone. */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator('input[name="password"]').waitFor({ state: 'detached', timeout: 15_000 });
}

export function readProbe(page: Page): Promise<PageProbe> {
  return page.evaluate(() => window.__bench);
}
