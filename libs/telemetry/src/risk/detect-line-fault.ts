import { type Cause, clampScore, describeDuration } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import type { TerminalHistory } from './history';
import { orderedByTs } from './normalize-history';

/**
 * LINE_FAULT: a dial-up terminal whose latest line test failed. One failed test is a
 * warning; consecutive failures are a fault. A failure followed by a pass is not.
 */
export function detectLineFault(
  history: TerminalHistory,
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): Cause | undefined {
  const readings = orderedByTs(history.signal);
  const newest = readings[readings.length - 1];
  const comm = newest?.comm ?? history.meta.comm;
  if (comm !== 'dialup') return undefined;

  let failedInRow = 0;
  let lastTest: number | undefined;
  let firstFailed = 0;
  const oldest = now - config.line.staleMs;
  for (let i = readings.length - 1; i >= 0 && (lastTest !== undefined || readings[i]!.ts >= oldest); i--) {
    const r = readings[i]!;
    if (r.lineOk === undefined || r.comm !== 'dialup') continue;
    lastTest ??= r.ts;
    if (r.lineOk) break;
    failedInRow++;
    firstFailed = r.ts;
  }
  if (lastTest === undefined || failedInRow === 0 || now - lastTest > config.line.staleMs) return undefined;
  const score = failedInRow >= 3 ? 85 : failedInRow === 2 ? 70 : 55;
  return {
    code: 'LINE_FAULT',
    score: clampScore(score),
    evidence: `${failedInRow} line test${failedInRow > 1 ? 's' : ''} failed in a row, failing for ${describeDuration(now - firstFailed)}`,
    evidenceData: { failedTests: failedInRow, failingSince: firstFailed, lastTestAt: lastTest },
    predictedAt: firstFailed,
  };
}
