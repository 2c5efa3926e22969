import type { Browser } from 'playwright-core';
import { BENCH_ADMIN } from './bench-platform';
import { probedContext, signInThroughForm } from './browser-session';

/**
 * Signs in through the real login page once, on #/map, and reports how long the map took
 * after the click. Informational (it also warms nothing: the measured loads use fresh contexts).
 */
export async function verifyLoginPage(browser: Browser, origin: string, log: (line: string) => void): Promise<void> {
  const context = await probedContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/#/map`);
    const submittedAt = Date.now();
    await signInThroughForm(page, BENCH_ADMIN.username, BENCH_ADMIN.password);
    const paintedAt = await page
      .waitForFunction(() => window.__bench.clusterPaintedAt, undefined, { timeout: 30_000 })
      .then((handle) => handle.jsonValue() as Promise<number>);
    log(`login: signed in through the login page; map clusters painted ${(paintedAt - submittedAt).toFixed(0)} ms after submit`);
  } finally {
    await context.close();
  }
}
