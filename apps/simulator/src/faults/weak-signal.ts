import { gsmFields, lteFields } from '../model/radio';
import { hashUnit } from '../random';
import { DAY, HOUR } from '../time';
import { sporadicEvents } from './fault-helpers';
import type { FaultPlugin } from './fault';

/** Persistently weak signal: the shop is in a basement or at the edge of the cell. */
export const weakSignal: FaultPlugin = {
  kind: 'weak_signal',
  comms: ['4g', '2g'],
  create({ rng, profile, now }) {
    profile.baseRsrpDbm = rng.int(-119, -113);
    profile.baseCsq = rng.int(2, 6);
    const onsetAt = now - 30 * DAY;
    const key = profile.noiseKey;
    return {
      label: {
        kind: 'weak_signal',
        hardNegative: false,
        causes: ['WEAK_SIGNAL'],
        onsetAt,
        failureAt: onsetAt,
        note: profile.comm === '2g' ? `csq around ${profile.baseCsq}` : `RSRP around ${profile.baseRsrpDbm} dBm`,
      },
      effect: {
        signal: (t, r) => {
          if (r.csq !== undefined) return r.csq === 99 ? r : { ...r, ...gsmFields(Math.min(r.csq, 7)) };
          if (r.rsrpDbm === undefined) return r;
          // Weak cells are also noisy: quality sinks with the level.
          return { ...r, ...lteFields(r.rsrpDbm, hashUnit(key, 41, Math.floor(t / HOUR)) * 0.5) };
        },
        txn: (_w, c, attempts) => ({
          ...c,
          timeouts: c.timeouts + Math.round(attempts * 0.06),
          reversals: c.reversals + Math.round(attempts * 0.05),
          commErrors: c.commErrors + Math.round(attempts * 0.08),
        }),
        events: (from, to) =>
          sporadicEvents(key, 42, { from, to }, { from: onsetAt, to: Infinity }, 3 * HOUR, 0.5, (at) => ({
            at,
            code: 'SIGN_IN_FAIL',
            detail: 'sign-in (签到) to host failed: no network response',
          })),
      },
    };
  },
};
