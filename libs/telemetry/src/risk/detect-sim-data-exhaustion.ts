import { type Cause, clampScore, describeDuration, round } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import type { SimSample, TerminalHistory } from './history';
import { orderedByTs } from './normalize-history';
import { SeriesBuffer, theilSlope } from './stats';

const DAY = 86_400_000;
const usage = new SeriesBuffer();

/** Index of the first reading of the SIM that is in the terminal now (a swap starts afresh). */
export function currentSimStart(sims: readonly SimSample[]): number {
  let first = sims.length - 1;
  while (first > 0 && sims[first - 1]!.iccid === sims[first]!.iccid) first--;
  return first;
}

/**
 * SIM_DATA_EXHAUSTION: forecasts when the balance reaches 0. The burn rate is the robust
 * slope of cumulative data used (drops between readings; a rise above meter noise is a
 * top-up and adds nothing), so top-ups never look like negative burn and the rate
 * learned before a top-up still counts after it; a lone wild reading is dropped. When the
 * last full day burned faster than the whole window (usage picked up), that pace counts:
 * a forecast from the slower past would come too late. Raised
 * only when zero falls within the horizon, or the balance is already ~0.
 */
export function detectSimDataExhaustion(
  history: TerminalHistory,
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): Cause | undefined {
  const c = config.sim;
  const sims = orderedByTs(history.sim);
  if (sims.length === 0) return undefined;
  const first = currentSimStart(sims);
  const latest = sims[sims.length - 1]!;
  const balance = latest.dataBalanceMb;

  if (balance <= c.exhaustedMb) {
    let since = latest.ts;
    for (let i = sims.length - 2; i >= first && sims[i]!.dataBalanceMb <= c.exhaustedMb; i--)
      since = sims[i]!.ts;
    return {
      code: 'SIM_DATA_EXHAUSTION',
      score: 95,
      evidence: `data balance ${round(balance)} MB: exhausted for ${describeDuration(now - since)}`,
      evidenceData: { balanceMb: round(balance), exhaustedSince: since },
      predictedAt: since,
    };
  }

  const windowStart = latest.ts - c.burnWindowMs;
  usage.reset();
  let topUps = 0;
  let before: SimSample | undefined; // the reading before `prev`
  let prev: SimSample | undefined;
  let usedBefore = 0;
  let usedPrev = 0;
  let prevWasTopUp = false;
  for (let i = first; i < sims.length; i++) {
    const s = sims[i]!;
    if (s.ts < windowStart) continue;
    if (prev === undefined) {
      usage.push(s.ts, 0);
      prev = s;
      continue;
    }
    if (before !== undefined && isGlitch(before, prev, s, c.topUpMinMb)) {
      // One wild reading between two consistent ones: drop it rather than count it.
      usage.length--;
      if (prevWasTopUp) topUps--;
      usedPrev = usedBefore + Math.max(0, before.dataBalanceMb - s.dataBalanceMb);
      usage.push(s.ts, usedPrev);
      prev = s;
      prevWasTopUp = false;
      continue;
    }
    const drop = prev.dataBalanceMb - s.dataBalanceMb;
    prevWasTopUp = -drop > c.topUpMinMb;
    const used = prevWasTopUp ? usedPrev : usedPrev + drop;
    if (prevWasTopUp) topUps++;
    usage.push(s.ts, used);
    before = prev;
    usedBefore = usedPrev;
    prev = s;
    usedPrev = used;
  }
  if (usage.length < 3) return undefined;
  const span = usage.xs[usage.length - 1]! - usage.xs[0]!;
  if (span < c.minBurnSpanMs) return undefined;
  const perDay = Math.max(theilSlope(usage, 0, usage.length) * DAY, recentBurnPerDay(c.fullConfidenceSpanMs));
  if (!(perDay >= c.minBurnMbPerDay)) return undefined;

  const zeroAt = latest.ts + (balance / perDay) * DAY;
  const toZero = zeroAt - now;
  if (toZero > config.horizonMs) return undefined;
  // Less than a day of readings may catch only the busy hours: trust it a little less.
  const confidence = 0.85 + 0.15 * Math.min(1, span / c.fullConfidenceSpanMs);
  const urgency = toZero <= 0 ? 1 : 1 - toZero / config.horizonMs;
  const when =
    toZero <= 0 ? `likely hit 0 ${describeDuration(toZero)} ago` : `reaches 0 in ${describeDuration(toZero)}`;
  return {
    code: 'SIM_DATA_EXHAUSTION',
    score: clampScore((50 + 40 * urgency) * confidence),
    evidence: `balance ${round(balance)} MB, burning ${round(perDay)} MB/day, ${when}`,
    evidenceData: {
      balanceMb: round(balance),
      burnMbPerDay: round(perDay),
      hoursToZero: round(toZero / 3_600_000),
      basisHours: round(span / 3_600_000),
      topUps,
    },
    predictedAt: Math.round(zeroAt),
  };
}

/** `mid` jumps away from both neighbours in the same direction while they agree with each other. */
function isGlitch(before: SimSample, mid: SimSample, after: SimSample, noiseMb: number): boolean {
  const fromBefore = mid.dataBalanceMb - before.dataBalanceMb;
  const fromAfter = mid.dataBalanceMb - after.dataBalanceMb;
  return (
    Math.abs(fromBefore) > noiseMb &&
    Math.abs(fromAfter) > noiseMb &&
    Math.sign(fromBefore) === Math.sign(fromAfter) &&
    after.dataBalanceMb <= before.dataBalanceMb + noiseMb
  );
}

/**
 * Burn rate (MB/day) over the newest `dayMs` of the usage series, or 0 when the readings
 * cover less than three quarters of it: a shorter stretch may catch only the busy hours.
 */
function recentBurnPerDay(dayMs: number): number {
  const end = usage.xs[usage.length - 1]!;
  let from = usage.length - 1;
  while (from > 0 && usage.xs[from - 1]! >= end - dayMs) from--;
  if (usage.length - from < 3 || end - usage.xs[from]! < 0.75 * dayMs) return 0;
  return theilSlope(usage, from, usage.length) * DAY;
}
