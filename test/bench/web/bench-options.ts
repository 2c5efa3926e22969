/**
 * Knobs (environment variables) and the dashboard issue's targets. Defaults are the
 * issue's numbers on this machine; the knobs exist to shrink a run while debugging.
 */
const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
};

export const OPTIONS = {
  /** Terminals seeded into the registry and terminal_latest. */
  terminals: num('BENCH_TERMINALS', 100_000),
  /** Share of them given a cause the risk engine will find. */
  atRiskShare: num('BENCH_AT_RISK_SHARE', 0.05),
  /** Terminals with 30 days of hourly rollups (the ones whose series are queried). */
  seriesTerminals: num('BENCH_SERIES_TERMINALS', 500),
  /** Sequential requests per endpoint, then this many more in concurrent waves. */
  sequentialRequests: num('BENCH_REQUESTS', 200),
  concurrentRequests: num('BENCH_CONCURRENT_REQUESTS', 200),
  concurrency: num('BENCH_CONCURRENCY', 8),
  /** Full page loads of the map measured (the first one with a cold browser cache). */
  mapLoads: num('BENCH_MAP_LOADS', 3),
  /** Mouse drags per zoom level while frame times are recorded. */
  pans: num('BENCH_PANS', 6),
  /** MQTT messages whose arrival in the page is timed. */
  liveMessages: num('BENCH_LIVE_MESSAGES', 10),
  /** Hard limit on the whole run. */
  timeoutMs: num('BENCH_TIMEOUT_S', 900) * 1000,
};

export const TARGETS = {
  mapFirstPaintMs: num('BENCH_TARGET_MAP_MS', 2000),
  /** "Smooth": 95 % of frames within two 60 Hz frames (30 fps floor) while dragging. */
  panP95FrameMs: num('BENCH_TARGET_PAN_P95_MS', 33.4),
  atRiskP95Ms: num('BENCH_TARGET_AT_RISK_MS', 100),
  seriesP95Ms: num('BENCH_TARGET_SERIES_MS', 200),
  liveMs: num('BENCH_TARGET_LIVE_MS', 1000),
};
