import { riskLevel } from '../../lib/risk-level';

/** What a point's colour says, worst first; the legend lists the same states in this order. */
export const POINT_STATES = ['highRisk', 'offline', 'atRisk', 'unknown', 'healthy'] as const;
export type PointState = (typeof POINT_STATES)[number];

export const POINT_COLOURS: Record<PointState, string> = {
  highRisk: '#c81e1e',
  offline: '#3b3f4a',
  atRisk: '#e08a00',
  unknown: '#9aa3b2',
  healthy: '#1f9d55',
};

/** `online` follows FleetMapView: 0 offline, 1 online, 2 never reported. */
export function pointState(online: number, riskScore: number): PointState {
  const level = riskLevel(riskScore);
  if (level === 'high') return 'highRisk';
  if (online === 0) return 'offline';
  if (level === 'medium') return 'atRisk';
  if (online === 2) return 'unknown';
  return 'healthy';
}

/** Rank for "worst state in a cluster": lower is worse. */
export function stateRank(state: PointState): number {
  return POINT_STATES.indexOf(state);
}
