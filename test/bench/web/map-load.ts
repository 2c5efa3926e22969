import type { Browser, BrowserContext, Page } from 'playwright-core';
import { probedContext, readProbe, rememberSession } from './browser-session';

export interface MapLoad {
  /** Navigation start → two frames after the first cluster element entered the DOM. */
  firstPaintMs: number;
  /** Navigation start → first cluster element in the DOM. */
  clusterInsertedMs: number;
  /** GET /fleet/map as the page saw it (Resource Timing): start → end, and its size. */
  mapRequest?: { startMs: number; durationMs: number; bytes: number };
  /** GET /auth/refresh end (session restore) relative to navigation start. */
  sessionRestoredMs?: number;
  /** "Showing … of …" as the map page printed it. */
  shown: string;
}

export interface OpenMap {
  context: BrowserContext;
  page: Page;
  load: MapLoad;
}

/**
 * Opens `#/map` in a fresh context (cold HTTP cache) as a signed-in user and waits for the
 * map to show its clusters. The page stays open for the pan and live measurements.
 */
export async function openMapCold(browser: Browser, origin: string, refreshToken: string, timeoutMs = 30_000): Promise<OpenMap> {
  const context = await probedContext(browser);
  try {
    await rememberSession(context, origin, refreshToken);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
    await page.goto(`${origin}/#/map`);
    await page.waitForFunction(() => window.__bench.clusterPaintedAt !== undefined, undefined, { timeout: timeoutMs });
    const probe = await readProbe(page);
    const timing = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const map = entries.find((e) => e.name.includes('/api/v1/fleet/map'));
      const refresh = entries.find((e) => e.name.includes('/api/v1/auth/refresh'));
      return {
        origin: performance.timeOrigin,
        map: map && { startMs: map.startTime, durationMs: map.duration, bytes: map.encodedBodySize || map.transferSize },
        refreshEnd: refresh?.responseEnd,
      };
    });
    const shown = (await page.locator('.map-page__side [role="status"]').first().textContent({ timeout: 5000 }).catch(() => null)) ?? '?';
    return {
      context,
      page,
      load: {
        firstPaintMs: probe.clusterPaintedAt! - timing.origin,
        clusterInsertedMs: probe.clusterInsertedAt! - timing.origin,
        mapRequest: timing.map,
        sessionRestoredMs: timing.refreshEnd,
        shown: shown.trim(),
      },
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}
