import { lteFields } from '../model/radio';
import { HOUR, MINUTE } from '../time';
import type { FaultPlugin } from './fault';

/** Hard negative: signal dips for a few minutes (a lorry parked outside), then recovers. */
export const signalBriefDip: FaultPlugin = {
  kind: 'signal_brief_dip',
  comms: ['4g'],
  create({ rng, now }) {
    const from = now - rng.span(3, 72, HOUR);
    const to = from + rng.span(10, 30, MINUTE);
    const depthDb = rng.int(18, 25);
    return {
      label: {
        kind: 'signal_brief_dip',
        hardNegative: true,
        causes: [],
        onsetAt: from,
        endsAt: to,
        note: `RSRP dips ${depthDb} dB for ${Math.round((to - from) / MINUTE)} min, then recovers`,
      },
      effect: {
        signal: (t, r) =>
          t >= from && t < to && r.rsrpDbm !== undefined ? { ...r, ...lteFields(r.rsrpDbm - depthDb, 0.3) } : r,
        changes: { signal: [from, to] },
      },
    };
  },
};
