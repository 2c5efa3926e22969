import { CAUSE_ACTIONS, type CauseCode } from '../causes';
import type { Cause } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import { DETECTORS } from './detectors';
import type { TerminalHistory } from './history';
import { normalizeHistory } from './normalize-history';

export interface TerminalAssessment {
  /** 0–100: chance-like combination of the causes, 1 − Π(1 − score/100). */
  riskScore: number;
  /** Highest score first. */
  causes: Cause[];
  recommendedAction: string;
}

export const NO_ACTION = 'No action needed';

/** Causes that explain why a terminal is offline, so fixing them comes before a dispatch. */
const EXPLAINS_OFFLINE: ReadonlySet<CauseCode> = new Set([
  'SIM_DATA_EXHAUSTION',
  'SIM_EXPIRY',
  'LINE_FAULT',
  'POWER',
  'WEAK_SIGNAL',
  'CARRIER_OUTAGE',
  'HOST_MAINTENANCE',
]);

/** Runs every detector on one terminal's history and combines what they find. */
export function assessTerminal(
  history: TerminalHistory,
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): TerminalAssessment {
  const clean = normalizeHistory(history);
  const causes: Cause[] = [];
  for (const detect of DETECTORS) {
    const cause = detect(clean, now, config);
    if (cause !== undefined) causes.push(cause);
  }
  return summarizeCauses(causes);
}

/** Sorts causes, combines their scores and picks the action; used again after incidents. */
export function summarizeCauses(causes: readonly Cause[]): TerminalAssessment {
  const sorted = [...causes].sort((a, b) => b.score - a.score);
  let healthy = 1;
  for (const c of sorted) healthy *= 1 - Math.min(100, Math.max(0, c.score)) / 100;
  return {
    riskScore: Math.min(100, Math.round(100 * (1 - healthy))),
    causes: sorted,
    recommendedAction: recommendAction(sorted),
  };
}

/**
 * The top cause's action, then the others'. When a terminal is offline because of
 * something fixed remotely or by the merchant (an empty SIM, a dead line), that fix
 * comes first so nobody drives out for it.
 */
function recommendAction(sorted: readonly Cause[]): string {
  if (sorted.length === 0) return NO_ACTION;
  const offline = sorted.some((c) => c.code === 'OFFLINE');
  const ordered = offline
    ? [
        ...sorted.filter((c) => EXPLAINS_OFFLINE.has(c.code)),
        ...sorted.filter((c) => !EXPLAINS_OFFLINE.has(c.code)),
      ]
    : sorted;
  const actions: string[] = [];
  for (const c of ordered) {
    const action = CAUSE_ACTIONS[c.code].action;
    if (!actions.includes(action)) actions.push(action);
  }
  const [first, ...rest] = actions;
  return rest.length === 0 ? first! : `${first} (also: ${rest.join('; ')})`;
}
