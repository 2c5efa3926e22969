import type { Page } from 'playwright-core';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A drag moves like a hand: about 60 pointer moves a second over ~0.7 s. */
const STEPS = 40;
const STEP_MS = 16;

/** The centre of the map element, where drags start. */
async function mapCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-testid="fleet-map"]').boundingBox();
  if (!box) throw new Error('the map element is not on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags the map `drags` times (alternating directions, so it stays over the fleet) and
 * returns every frame interval (ms) seen while dragging and while the map redrew its
 * clusters after each drag (Leaflet redraws on moveend).
 */
export async function panFrames(page: Page, drags: number): Promise<number[]> {
  const { x, y } = await mapCentre(page);
  const moves: Array<[number, number]> = [
    [260, 0],
    [-260, 0],
    [0, 180],
    [0, -180],
    [200, 140],
    [-200, -140],
  ];
  await page.evaluate(() => {
    window.__bench.frames = [];
    window.__bench.recording = true;
  });
  for (let d = 0; d < drags; d++) {
    const [dx, dy] = moves[d % moves.length]!;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let s = 1; s <= STEPS; s++) {
      await page.mouse.move(x + (dx * s) / STEPS, y + (dy * s) / STEPS);
      await pause(STEP_MS);
    }
    await page.mouse.up();
    // Let the moveend redraw (and its frame) land inside the recording.
    await pause(400);
  }
  return page.evaluate(() => {
    window.__bench.recording = false;
    return window.__bench.frames;
  });
}

/**
 * Zooms towards street level the way a user does: clicks the largest cluster (the app
 * zooms to where it splits) `times` times. Returns the cluster counts clicked.
 */
export async function zoomIntoBiggestCluster(page: Page, times: number): Promise<number[]> {
  const clicked: number[] = [];
  for (let k = 0; k < times; k++) {
    const target = await page.evaluate(() => {
        const map = document.querySelector('[data-testid="fleet-map"]')!.getBoundingClientRect();
        let best: { x: number; y: number; count: number } | undefined;
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('.map-cluster'))) {
          const r = el.getBoundingClientRect();
          const cx = r.x + r.width / 2;
          const cy = r.y + r.height / 2;
          // Only clusters well inside the visible map area.
          if (cx < map.left + 40 || cx > map.right - 40 || cy < map.top + 40 || cy > map.bottom - 40) continue;
          // The title names the member count ("12,345 terminals: zoom in"); digits only.
          const count = Number(/\d[\d,]*/.exec(el.getAttribute('title') ?? '')?.[0]?.replace(/,/g, '') ?? 0);
          if (!best || count > best.count) best = { x: cx, y: cy, count };
        }
        return best;
    });
    if (!target) break;
    const redraws = await page.evaluate(() => window.__bench.clusterRedraws.length);
    await page.mouse.click(target.x, target.y);
    clicked.push(target.count);
    await page.waitForFunction((n) => window.__bench.clusterRedraws.length > n, redraws, { timeout: 10_000 }).catch(() => undefined);
    await pause(600);
  }
  return clicked;
}
