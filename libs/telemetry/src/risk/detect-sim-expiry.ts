import { type Cause, clampScore, describeDuration } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import type { TerminalHistory } from './history';
import { orderedByTs } from './normalize-history';

/** SIM_EXPIRY: the plan of the SIM in the terminal now expires within the horizon, or has. */
export function detectSimExpiry(
  history: TerminalHistory,
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): Cause | undefined {
  const sims = orderedByTs(history.sim);
  const latest = sims[sims.length - 1];
  if (latest === undefined || !Number.isFinite(latest.expiresAt)) return undefined;
  const left = latest.expiresAt - now;
  if (left > config.horizonMs) return undefined;
  const date = new Date(latest.expiresAt).toISOString().slice(0, 16).replace('T', ' ');
  const expired = left <= 0;
  return {
    code: 'SIM_EXPIRY',
    score: expired ? 95 : clampScore(50 + 40 * (1 - left / config.horizonMs)),
    evidence: expired
      ? `SIM plan expired ${describeDuration(left)} ago (${date} UTC)`
      : `SIM plan expires in ${describeDuration(left)} (${date} UTC)`,
    evidenceData: {
      expiresAt: latest.expiresAt,
      hoursLeft: Math.round(left / 3_600_000),
      iccid: latest.iccid,
    },
    predictedAt: latest.expiresAt,
  };
}
