import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { CauseCode } from '@fleet/telemetry/causes';

/**
 * Severity = the higher of the cause's floor and the band of its risk score.
 *
 * | cause | floor |
 * |---|---|
 * | CARRIER_OUTAGE, HOST_MAINTENANCE | critical |
 * | OFFLINE | major |
 * | COMM_MODULE_FAULT, LINE_FAULT, SIM_DATA_EXHAUSTION | minor |
 * | SIM_EXPIRY, WEAK_SIGNAL, PAPER_OUT, POWER | warning |
 *
 * Score bands (the cause's own score, else the terminal's risk score): ≥ 90 critical,
 * ≥ 70 major, ≥ 40 minor, below that warning.
 */
const FLOOR: Record<CauseCode, AlertSeverity> = {
  CARRIER_OUTAGE: 'critical',
  HOST_MAINTENANCE: 'critical',
  OFFLINE: 'major',
  COMM_MODULE_FAULT: 'minor',
  LINE_FAULT: 'minor',
  SIM_DATA_EXHAUSTION: 'minor',
  SIM_EXPIRY: 'warning',
  WEAK_SIGNAL: 'warning',
  PAPER_OUT: 'warning',
  POWER: 'warning',
};

const RANK: Record<AlertSeverity, number> = { warning: 0, minor: 1, major: 2, critical: 3 };

function band(score: number): AlertSeverity {
  if (score >= 90) return 'critical';
  if (score >= 70) return 'major';
  if (score >= 40) return 'minor';
  return 'warning';
}

export function severityFor(code: CauseCode, score: number): AlertSeverity {
  const floor = FLOOR[code];
  const scored = band(score);
  return RANK[scored] > RANK[floor] ? scored : floor;
}
