/**
 * Knobs (environment variables) of npm run bench:alerts. Defaults are the numbers;
 * the knobs shrink a run (fewer terminals, shorter group interval) while working on it.
 */
const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
};

const optional = (name: string): number | undefined =>
  process.env[name] === undefined || process.env[name] === '' ? undefined : num(name, 0);

export const OPTIONS = {
  /** Terminals imported, online and healthy before anything fails. */
  terminals: num('BENCH_TERMINALS', 100_000),
  /** Terminals of the carrier that goes down (all of that carrier's terminals). */
  outage: num('BENCH_OUTAGE', 10_000),
  /** Independent faults after the outage: half out of paper, half losing their connection. */
  faults: num('BENCH_FAULTS', 2_000),
  terminalsPerMerchant: num('BENCH_TERMINALS_PER_MERCHANT', 5),
  /** Users: support agents (the whole fleet), technicians per region, merchants per account manager. */
  supportAgents: num('BENCH_SUPPORT', 10),
  techniciansPerRegion: num('BENCH_TECHNICIANS_PER_REGION', 2),
  merchantsPerAccountManager: num('BENCH_MERCHANTS_PER_AM', 100),
  /**
   * The group interval (production's 5 min by default); the faults are timed to open after
   * it lapsed. The group wait is always production's.
   */
  groupIntervalMs: num('BENCH_GROUP_INTERVAL_S', 300) * 1000,
  /**
   * Replaces every non-zero raise time of the alert rules (production: 2–10 min), for quick
   * runs. Keep it above the ~30 s the risk engine takes to confirm an outage, or the members
   * open their own alerts before the incident exists.
   */
  raiseAfterMinutes:
    optional('BENCH_RAISE_AFTER_S') === undefined ? undefined : num('BENCH_RAISE_AFTER_S', 0) / 60,
  /** Timed evaluations of the alert rules in each phase. */
  evalSamples: num('BENCH_EVAL_SAMPLES', 10),
  /** MQTT connections publishing, and messages in flight on each. */
  connections: num('BENCH_CONNECTIONS', 4),
  window: num('BENCH_WINDOW', 200),
  /** Hard limit on the whole run. */
  timeoutMs: num('BENCH_TIMEOUT_S', 1800) * 1000,
};

export const TARGETS = {
  raiseToMailP95Ms: num('BENCH_TARGET_P95_S', 10) * 1000,
};
