import type { Rng } from '../random';
import { MINUTE } from '../time';
import type { InjectedFault } from './fault';

export interface CarrierOutagePlan {
  mccMnc: string;
  region: string;
  startAt: number;
  endAt: number;
}

export function carrierIncidentKey(plan: CarrierOutagePlan): string {
  return `carrier:${plan.mccMnc}:${plan.region}`;
}

/**
 * One terminal's share of a carrier outage: it drops within minutes of the start (Last Will),
 * buffers while the network is down, and returns some minutes after the carrier recovers.
 */
export function carrierOutageFault(rng: Rng, plan: CarrierOutagePlan): InjectedFault {
  const from = plan.startAt + rng.span(0, 5, MINUTE);
  const to = plan.endAt + rng.span(0, 20, MINUTE);
  return {
    label: {
      kind: 'carrier_outage',
      hardNegative: false,
      causes: ['CARRIER_OUTAGE'],
      onsetAt: from,
      failureAt: from,
      endsAt: to,
      incidentKey: carrierIncidentKey(plan),
      note: `${plan.mccMnc} down in ${plan.region}`,
    },
    effect: {
      outages: [{ from, to, mode: 'buffering', permanent: false }],
      txn: (w, c, attempts) => (w >= from && w < to ? { ...c, commErrors: c.commErrors + attempts } : c),
    },
  };
}
