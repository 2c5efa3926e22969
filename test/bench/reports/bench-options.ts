/**
 * Knobs (environment variables) of npm run bench:reports. Defaults are the numbers;
 * the knobs shrink a run while working on it.
 */
const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
};

export const OPTIONS = {
  /** Terminals in the fleet: the support user's fleet-wide CSV covers all of them. */
  terminals: num('BENCH_TERMINALS', 100_000),
  /** Terminals of the account manager's merchants: the PDF and the portfolio CSV. */
  portfolio: num('BENCH_PORTFOLIO', 5_000),
  /** Terminals of the smaller fleet-wide CSV whose peak RSS the full one is compared with. */
  smallFleet: num('BENCH_SMALL_FLEET', 20_000),
  terminalsPerMerchant: num('BENCH_TERMINALS_PER_MERCHANT', 5),
  /** Length of the reported period in days; the seed covers it and the previous one. */
  days: num('BENCH_DAYS', 30),
  /** Timed downloads of each report; the median is reported. */
  samples: num('BENCH_SAMPLES', 3),
  /** How long the idle platform's peak RSS is sampled (its memory cycles about every 30 s). */
  idleSampleMs: num('BENCH_IDLE_S', 40) * 1000,
  timeoutMs: num('BENCH_TIMEOUT_S', 1800) * 1000,
};

export const TARGETS = {
  pdfMs: num('BENCH_TARGET_PDF_MS', 5000),
  csvMs: num('BENCH_TARGET_CSV_MS', 2000),
  fleetCsvMs: num('BENCH_TARGET_FLEET_CSV_S', 30) * 1000,
  /**
   * Peak RSS of the full fleet CSV over the larger of the small one's and the idle platform's:
   * memory must not grow with the fleet.
   */
  rssGrowth: 1.25,
};
