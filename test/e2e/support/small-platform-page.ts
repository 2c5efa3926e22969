import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startPlatform, type RunningPlatform } from './platform';

export interface PlatformPage {
  platform: RunningPlatform;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * The real built platform with a small simulated fleet and one Chromium page at 1366×768:
 * for pages about people and settings, not terminals.
 */
export async function openSmallPlatformPage(fleetSize = 3): Promise<PlatformPage> {
  const platform = await startPlatform({ fleetSize });
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  return {
    platform,
    browser,
    page,
    async close() {
      await browser.close();
      await platform.stop();
    },
  };
}
