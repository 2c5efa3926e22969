import { lteFields } from '../model/radio';
import { hashUnit } from '../random';
import { HOUR, MINUTE } from '../time';
import type { FaultPlugin } from './fault';

const FAILURE_EDGE_DBM = -115;

/** RSRP steps down (handover to a worse cell), then keeps sliding toward the failure edge. */
export const signalDrift: FaultPlugin = {
  kind: 'signal_drift',
  comms: ['4g'],
  create({ rng, profile, now }) {
    profile.baseRsrpDbm = rng.int(-92, -82);
    const stepAt = now - rng.span(12, 48, HOUR);
    const reachAt = now + rng.span(0, 24, HOUR);
    const stepDb = rng.int(8, 12);
    const slopePerMs = (FAILURE_EDGE_DBM - (profile.baseRsrpDbm - stepDb)) / (reachAt - stepAt);
    const newCellId = profile.cellId + rng.int(1, 500);
    const key = profile.noiseKey;
    return {
      label: {
        kind: 'signal_drift',
        hardNegative: false,
        causes: ['WEAK_SIGNAL'],
        onsetAt: stepAt,
        failureAt: reachAt,
        note: `RSRP ${profile.baseRsrpDbm} dBm, steps −${stepDb} dB to a new cell, reaches ${FAILURE_EDGE_DBM} dBm at failureAt`,
      },
      effect: {
        signal: (t, r) => {
          if (t < stepAt || r.rsrpDbm === undefined) return r;
          const offset = -stepDb + slopePerMs * (t - stepAt);
          const rsrp = Math.max(-128, r.rsrpDbm + offset);
          return { ...r, ...lteFields(rsrp, hashUnit(key, 43, Math.floor(t / (5 * MINUTE)))), cellId: newCellId };
        },
        changes: { signal: [stepAt] },
      },
    };
  },
};
