import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { callJson } from '../../../apps/api/src/auth/testing/http-client';
import {
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from '../../../apps/api/src/storage/testing/test-database';
import { startBenchPlatform, BENCH_ADMIN, type BenchPlatform } from './bench-platform';
import { OPTIONS, TARGETS } from './bench-options';
import { launchBrowser } from './browser-session';
import { terminalId } from './cities';
import { ensureWebBuild } from './ensure-web-build';
import { EventLoopWatch, timeRiskSweeps } from './event-loop';
import { explainQueries } from './explain-queries';
import { measureLatency, timedGet } from './http-latency';
import { measureLive } from './live-latency';
import { openMapCold, type OpenMap } from './map-load';
import { panFrames, zoomIntoBiggestCluster } from './map-pan';
import { verifyLoginPage } from './login-check';
import { seedFleet } from './seed-fleet';
import { describe, summarize, type Summary } from './stats';
import { waitForRiskEngine } from './wait-for-risk';
import { runBench } from '../bench-runner';

/**
 * npm run bench:web — the dashboard's performance targets on this machine, with the real
 * platform (in-process, plain PostgreSQL, embedded broker) over a seeded 100k fleet:
 * map first paint in headless Chromium, frame times while panning, GET /terminals/at-risk
 * and GET /terminals/{id}/series?range=30d latencies, and publish → page latency of a state
 * change. Knobs and targets: bench-options.ts. Ends with one summary line; exits 1 when a
 * target is missed, 2 when the bench itself failed.
 */

const ROOT = resolve(__dirname, '../../..');
const OUT_DIR = join(ROOT, 'test-results/bench-web');
const log = (line: string) => console.log(line);
const round = (value: number) => (Number.isFinite(value) ? Math.round(value) : Number.NaN);

interface Results {
  mapFirstPaintMs: number;
  panP95FrameMs: number;
  atRiskP95Ms: number;
  seriesP95Ms: number;
  liveMs: number;
}

async function run(cleanups: Array<() => Promise<void>>): Promise<Results> {
  if (!(await isPostgresReachable()))
    throw new Error('PostgreSQL at 127.0.0.1:5432 (TEST_POSTGRES_URL) is not reachable');
  ensureWebBuild(log);
  mkdirSync(OUT_DIR, { recursive: true });

  log(`db: creating a throw-away database and running the platform's migrations ...`);
  const testDb: TestDatabase = await createTestDatabase('postgres');
  cleanups.push(async () => {
    await testDb.drop();
    log('db: dropped');
  });
  log(`db: ${testDb.databaseUrl}`);
  const seeded = await seedFleet(testDb.database.db as never, {
    terminals: OPTIONS.terminals,
    atRiskShare: OPTIONS.atRiskShare,
    seriesTerminals: OPTIONS.seriesTerminals,
    now: new Date(),
  });
  log(
    `db: seeded ${OPTIONS.terminals} terminals (${seeded.expectedAtRisk} with a cause, ` +
      `${OPTIONS.seriesTerminals} with 30 days of hourly rollups) in ${seeded.seconds.toFixed(1)} s`,
  );

  log('platform: starting (risk engine loads every history at start-up) ...');
  const platform: BenchPlatform = await startBenchPlatform(testDb.databaseUrl!);
  cleanups.push(async () => {
    await platform.stop();
    log('platform: stopped');
  });
  log(
    `platform: up at ${platform.url} in ${platform.bootSeconds.toFixed(1)} s, broker ${platform.brokerUrl}`,
  );
  await waitForRiskEngine(platform, OPTIONS.terminals, seeded.expectedAtRisk, log);
  const loop = new EventLoopWatch();
  cleanups.push(async () => loop.stop());
  const sweeps = await timeRiskSweeps(platform, 3);
  log(
    `risk: a full sweep of ${OPTIONS.terminals} terminals takes ${sweeps.map((t) => t.toFixed(0)).join(', ')} ms (runs every 5 s); ${loop.lap()}`,
  );

  const seriesId = (i: number) =>
    terminalId(1 + ((i * 7919) % Math.max(1, Math.min(OPTIONS.seriesTerminals, OPTIONS.terminals))));
  const sample = JSON.parse(
    (await timedGet(platform.api, platform.token, `/terminals/${seriesId(0)}/series?range=30d`)).body,
  );
  log(
    `check: series 30d of ${seriesId(0)}: ${sample.signal.length} signal, ${sample.sim.length} sim, ${sample.txn.length} txn, ` +
      `${sample.heartbeats.length} heartbeat points, ${sample.events.length} events`,
  );
  if (OPTIONS.seriesTerminals > 0 && sample.signal.length < 150)
    throw new Error('the 30-day series came back nearly empty');

  const plan = {
    sequential: OPTIONS.sequentialRequests,
    concurrent: OPTIONS.concurrentRequests,
    concurrency: OPTIONS.concurrency,
  };
  log(
    `http: ${plan.sequential} sequential + ${plan.concurrent} concurrent (${plan.concurrency} at once) requests per endpoint ...`,
  );
  const atRisk = await measureLatency(platform.api, platform.token, () => '/terminals/at-risk', plan);
  log(
    `http: GET /terminals/at-risk (${atRisk.bytes} B): sequential ${describe(atRisk.sequential)}; concurrent ${describe(atRisk.concurrent)}; ${loop.lap()}`,
  );
  const series = await measureLatency(
    platform.api,
    platform.token,
    (i) => `/terminals/${seriesId(i)}/series?range=30d`,
    plan,
  );
  log(
    `http: GET /terminals/{id}/series?range=30d (${series.bytes} B): sequential ${describe(series.sequential)}; concurrent ${describe(series.concurrent)}; ${loop.lap()}`,
  );
  const small = { sequential: 20, concurrent: 0, concurrency: 1 };
  const map = await measureLatency(platform.api, platform.token, () => '/fleet/map', small);
  log(
    `http: GET /fleet/map (${(map.bytes / 1e6).toFixed(1)} MB, what the map page loads): ${describe(map.sequential)}`,
  );
  const summary = await measureLatency(platform.api, platform.token, () => '/fleet/summary', small);
  log(`http: GET /fleet/summary: ${describe(summary.sequential)}; ${loop.lap()}`);

  const browser: Browser = await launchBrowser();
  cleanups.push(async () => {
    await browser.close();
    log('browser: closed');
  });
  log(`browser: Chromium ${browser.version()}, viewport 1366x768`);
  await verifyLoginPage(browser, platform.url, log);

  const loads: number[] = [];
  let open: OpenMap | undefined;
  for (let k = 0; k < OPTIONS.mapLoads; k++) {
    await open?.context.close();
    const login = await callJson(platform.api, 'POST', '/auth/login', { body: BENCH_ADMIN });
    open = await openMapCold(browser, platform.url, login.body.refreshToken as string);
    const l = open.load;
    loads.push(l.firstPaintMs);
    log(
      `map: cold load ${k + 1}/${OPTIONS.mapLoads}: clusters painted ${l.firstPaintMs.toFixed(0)} ms after navigation start ` +
        `(in DOM ${l.clusterInsertedMs.toFixed(0)} ms; session restored ${l.sessionRestoredMs?.toFixed(0) ?? '?'} ms; ` +
        `/fleet/map ${l.mapRequest ? `${l.mapRequest.startMs.toFixed(0)}+${l.mapRequest.durationMs.toFixed(0)} ms, ${(l.mapRequest.bytes / 1e6).toFixed(1)} MB` : 'not seen'}; "${l.shown}")`,
    );
  }
  if (!open) throw new Error('no map load measured (BENCH_MAP_LOADS=0)');
  log(`map: during the loads, platform ${loop.lap()}`);
  const page = open.page;
  cleanups.push(() => open!.context.close().catch(() => undefined));
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.screenshot({ path: join(OUT_DIR, 'map.png') });
  log(`map: screenshot ${join(OUT_DIR, 'map.png')}`);

  const countryFrames = await panFrames(page, OPTIONS.pans);
  const country = summarize(countryFrames);
  log(`pan: country view, ${OPTIONS.pans} drags: ${describeFrames(country, countryFrames)}`);
  const clicked = await zoomIntoBiggestCluster(page, 3);
  log(`pan: zoomed in by clicking clusters of ${clicked.join(', ')} terminals`);
  await page.screenshot({ path: join(OUT_DIR, 'map-zoomed.png') });
  const cityFrames = await panFrames(page, OPTIONS.pans);
  const city = summarize(cityFrames);
  log(`pan: zoomed view, ${OPTIONS.pans} drags: ${describeFrames(city, cityFrames)}`);

  // Healthy terminals (not seeded with a cause), spread over the id range.
  const period = Math.max(1, Math.round(1 / OPTIONS.atRiskShare));
  const liveIds = Array.from(
    { length: OPTIONS.liveMessages },
    (_, k) => 1 + ((k * 9973 + 4321) % OPTIONS.terminals),
  )
    .map((i) => (i % period === 0 ? i + 1 : i))
    .map(terminalId);
  log(
    `live: publishing ${liveIds.length} status changes through ${platform.brokerUrl} with the map open ...`,
  );
  const live = await measureLive(page, platform.brokerUrl, liveIds);
  const liveSocket = summarize(live.map((s) => s.socketMs));
  const redraws = live.flatMap((s) => (s.redrawMs === undefined ? [] : [s.redrawMs]));
  log(`live: publish → socket event in the page: ${describe(liveSocket)}`);
  log(`live: during the live phase, platform ${loop.lap()}`);
  log(`live: publish → map redrawn: ${redraws.length ? describe(summarize(redraws)) : 'no redraw seen'}`);

  log('db: plans of the measured statements (EXPLAIN ANALYZE on the seeded database):');
  for (const line of await explainQueries(testDb.database.db as never, seriesId(1))) log(line);

  return {
    mapFirstPaintMs: Math.max(...loads),
    panP95FrameMs: Math.max(country.p95, city.p95),
    atRiskP95Ms: atRisk.all.p95,
    seriesP95Ms: series.all.p95,
    liveMs: liveSocket.p95,
  };
}

function describeFrames(summary: Summary, frames: number[]): string {
  const long = frames.filter((f) => f > 50).length;
  const fps = frames.length / Math.max(1e-3, frames.reduce((a, b) => a + b, 0) / 1000);
  return `${describe(summary)}, ${long} frames > 50 ms, ${fps.toFixed(0)} fps average`;
}

async function main(): Promise<void> {
  const results = await runBench('web', OPTIONS.timeoutMs, run);
  const missed = [
    results.mapFirstPaintMs > TARGETS.mapFirstPaintMs && `map first paint > ${TARGETS.mapFirstPaintMs} ms`,
    results.panP95FrameMs > TARGETS.panP95FrameMs && `pan p95 frame > ${TARGETS.panP95FrameMs} ms`,
    results.atRiskP95Ms > TARGETS.atRiskP95Ms && `at-risk p95 > ${TARGETS.atRiskP95Ms} ms`,
    results.seriesP95Ms > TARGETS.seriesP95Ms && `series 30d p95 > ${TARGETS.seriesP95Ms} ms`,
    results.liveMs > TARGETS.liveMs && `live > ${TARGETS.liveMs} ms`,
  ].filter(Boolean);
  if (missed.length > 0) console.log(`targets missed: ${missed.join('; ')}`);
  console.log(
    `web: map first paint ${round(results.mapFirstPaintMs)} ms, pan p95 frame ${round(results.panP95FrameMs)} ms, ` +
      `at-risk p95 ${round(results.atRiskP95Ms)} ms, series 30d p95 ${round(results.seriesP95Ms)} ms, live ${round(results.liveMs)} ms`,
  );
  process.exit(missed.length > 0 ? 1 : 0);
}

void main();
