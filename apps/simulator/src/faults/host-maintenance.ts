import { hashUnit } from '../random';
import type { InjectedFault } from './fault';
import { sporadicEvents } from './fault-helpers';

export interface HostMaintenancePlan {
  startAt: number;
  endAt: number;
}

export const HOST_INCIDENT_KEY = 'host:acquirer';

const RESPONSE_CODES = [
  '91 issuer or switch inoperative',
  '96 system malfunction',
  '68 response received too late',
] as const;

/**
 * One terminal's view of payment-host maintenance: its link is fine, but host calls time out
 * and fail with ISO 8583 91/96/68, on every carrier at once.
 */
export function hostMaintenanceFault(noiseKey: number, plan: HostMaintenancePlan): InjectedFault {
  const { startAt, endAt } = plan;
  return {
    label: {
      kind: 'host_maintenance',
      hardNegative: false,
      causes: ['HOST_MAINTENANCE'],
      onsetAt: startAt,
      failureAt: startAt,
      endsAt: endAt,
      incidentKey: HOST_INCIDENT_KEY,
      note: 'acquirer host down for maintenance; timeouts and HOST_UNREACHABLE across carriers',
    },
    effect: {
      txn: (w, c, attempts) => {
        if (w < startAt || w >= endAt) return c;
        const timeouts = c.timeouts + Math.round(attempts * (0.4 + 0.3 * hashUnit(noiseKey, 71, w)));
        return { ...c, timeouts, reversals: c.reversals + Math.round(timeouts * 0.9), reversalFailed: c.reversalFailed + Math.round(timeouts * 0.1) };
      },
      events: (from, to) =>
        sporadicEvents(noiseKey, 72, { from, to }, { from: startAt, to: endAt }, 10 * 60_000, 0.8, (at) => ({
          at,
          code: 'HOST_UNREACHABLE',
          detail: `ISO 8583 response ${RESPONSE_CODES[Math.floor(hashUnit(noiseKey, 74, at) * RESPONSE_CODES.length)]}`,
        })),
    },
  };
}
