import { type Cause, clampScore, describeDuration, round } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import type { SignalSample, TerminalHistory } from './history';
import { firstAtOrAfter, orderedByTs, orderedEvents } from './normalize-history';
import { describeSignal, hasRadio, signalBadness } from './signal-quality';
import { lowerBound, medianRange, SeriesBuffer, theilSlope } from './stats';

const DAY = 86_400_000;
const series = new SeriesBuffer();

interface Finding {
  kind: 'persistent' | 'poor_with_failures' | 'trend' | 'step';
  score: number;
  predictedAt?: number;
  text: string;
}

/**
 * WEAK_SIGNAL, for the link type the terminal uses now: very poor for most of the last
 * hours, poor plus sign-in failures, a step down into the poor band, or a trend that
 * crosses the failure edge within the horizon. A dip that has recovered is not a risk;
 * 2G csq 99 is missing data. Not applicable to ethernet and dial-up.
 */
export function detectWeakSignal(
  history: TerminalHistory,
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): Cause | undefined {
  const cfg = config.signal;
  const readings = orderedByTs(history.signal);
  const newest = readings[readings.length - 1];
  if (newest === undefined || !hasRadio(newest.comm) || now - newest.ts > cfg.staleMs) return undefined;
  const comm = newest.comm;
  const end = newest.ts;

  series.reset();
  const from = end - 2 * cfg.trendWindowMs;
  for (let i = firstAtOrAfter(readings, from); i < readings.length; i++) {
    const r = readings[i]!;
    if (r.comm !== comm) continue;
    const b = signalBadness(r, cfg);
    if (!Number.isNaN(b)) series.push(r.ts, b);
  }
  const n = series.length;
  const p = lowerBound(series, end - cfg.persistWindowMs);
  if (n - p < cfg.minSamples) return undefined;

  let poor = 0;
  let veryPoor = 0;
  for (let i = p; i < n; i++) {
    if (series.ys[i]! >= 0) poor++;
    if (series.ys[i]! >= 0.5) veryPoor++;
  }
  const level = medianRange(series.ys, p, n);
  const recent = medianRange(series.ys, Math.min(lowerBound(series, end - cfg.recentMs), n - 1), n);
  const recovered = recent < 0;
  const { signInFails, connFails } = countLinkEvents(history, now - DAY);
  const support = signInFails + connFails;
  const windowCount = n - p;
  const findings: Finding[] = [];

  if (!recovered && veryPoor >= cfg.persistShare * windowCount) {
    findings.push({
      kind: 'persistent',
      score: 65 + 25 * Math.min(1, Math.max(0, (level - 0.5) / 0.5)) + Math.min(10, 3 * support),
      text: `very poor in ${Math.round((100 * veryPoor) / windowCount)}% of readings over the last ${describeDuration(cfg.persistWindowMs)}`,
    });
  }
  if (!recovered && poor >= cfg.persistShare * windowCount && signInFails >= cfg.signInFailSupport) {
    findings.push({
      kind: 'poor_with_failures',
      score: 55 + Math.min(20, 3 * support),
      text: `poor in ${Math.round((100 * poor) / windowCount)}% of readings over the last ${describeDuration(cfg.persistWindowMs)}`,
    });
  }
  const trend = trendFinding(cfg, end, now, recent, p, config.horizonMs);
  if (trend !== undefined) findings.push(trend);
  const base = lowerBound(series, end - 2 * cfg.trendWindowMs);
  if (!recovered && p - base >= cfg.minSamples && level >= 0) {
    const baseline = medianRange(series.ys, base, p);
    if (level - baseline >= cfg.stepBadness) {
      findings.push({
        kind: 'step',
        score: 50 + Math.min(15, 3 * support),
        text: 'stepped down from its usual level',
      });
    }
  }
  if (findings.length === 0) return undefined;
  findings.sort((a, b) => b.score - a.score);
  const best = findings[0]!;

  const windowReadings = readings.filter((r) => r.comm === comm && r.ts >= end - cfg.persistWindowMs);
  const described = describeSignal(windowReadings, cfg);
  const events = support > 0 ? `; ${signInFails} sign-in and ${connFails} connection failures in 24 h` : '';
  const when =
    best.predictedAt !== undefined
      ? `, reaches the failure edge in ${describeDuration(best.predictedAt - now)}`
      : '';
  return {
    code: 'WEAK_SIGNAL',
    score: clampScore(best.score),
    evidence: `${comm} signal ${best.text}: ${described.text}${when}${events}`,
    evidenceData: {
      comm,
      finding: best.kind,
      badness: round(level),
      readings: windowCount,
      signInFails,
      connFails,
      ...described.data,
    },
    predictedAt: best.predictedAt,
  };
}

/** A robust trend over the last day, still going, that crosses the failure edge (badness 1) within the horizon. */
function trendFinding(
  cfg: RiskConfig['signal'],
  end: number,
  now: number,
  current: number,
  persistFrom: number,
  horizonMs: number,
): Finding | undefined {
  const t = lowerBound(series, end - cfg.trendWindowMs);
  const count = series.length - t;
  if (count < 2 * cfg.minSamples) return undefined;
  const span = series.xs[series.length - 1]! - series.xs[t]!;
  if (span < cfg.trendWindowMs / 4) return undefined;
  const slope = theilSlope(series, t, series.length);
  if (!(slope > 0) || slope * span < cfg.minTrendBadness || current >= 1 || current < cfg.trendFromBadness)
    return undefined;
  // Still falling in the last hours: a step that has levelled off is not a trend.
  if (!(theilSlope(series, persistFrom, series.length) >= slope / 2)) return undefined;
  const crossesAt = end + (1 - current) / slope;
  const ahead = crossesAt - now;
  if (ahead > horizonMs) return undefined;
  return {
    kind: 'trend',
    score: 45 + 40 * (1 - Math.max(0, ahead) / horizonMs),
    predictedAt: Math.round(crossesAt),
    text: 'falling steadily',
  };
}

function countLinkEvents(
  history: TerminalHistory,
  since: number,
): { signInFails: number; connFails: number } {
  const events = orderedEvents(history.events);
  let signInFails = 0;
  let connFails = 0;
  for (let i = events.length - 1; i >= 0 && events[i]!.ts >= since; i--) {
    const code = events[i]!.code;
    if (code === 'SIGN_IN_FAIL') signInFails++;
    else if (code === 'CONN_FAIL') connFails++;
  }
  return { signInFails, connFails };
}

/** Median badness of the current link over the persistence window; NaN when unknown. */
export function currentSignalBadness(
  history: TerminalHistory,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): number {
  const readings: readonly SignalSample[] = orderedByTs(history.signal);
  const newest = readings[readings.length - 1];
  if (newest === undefined || !hasRadio(newest.comm)) return NaN;
  series.reset();
  for (let i = readings.length - 1; i >= 0; i--) {
    const r = readings[i]!;
    if (r.ts < newest.ts - config.signal.persistWindowMs) break;
    if (r.comm !== newest.comm) continue;
    const b = signalBadness(r, config.signal);
    if (!Number.isNaN(b)) series.push(r.ts, b);
  }
  return medianRange(series.ys, 0, series.length);
}
