import { hashUnit } from '../random';
import { HOUR } from '../time';
import { tradingMomentBefore } from './fault-helpers';
import type { FaultPlugin } from './fault';

/** Dial-up terminal whose phone line is dead: line test fails, every dial-out fails. */
export const lineFault: FaultPlugin = {
  kind: 'line_fault',
  comms: ['dialup'],
  create({ rng, profile, now }) {
    const onsetAt = tradingMomentBefore(profile, now - rng.span(2, 24, HOUR));
    const key = profile.noiseKey;
    return {
      label: {
        kind: 'line_fault',
        hardNegative: false,
        causes: ['LINE_FAULT'],
        onsetAt,
        failureAt: onsetAt,
        note: 'lineOk false; dial-outs fail with comm errors',
      },
      effect: {
        signal: (t, r) => (t >= onsetAt ? { ...r, lineOk: false } : r),
        txn: (w, c, attempts) =>
          w >= onsetAt ? { ...c, commErrors: c.commErrors + Math.round(attempts * (0.7 + 0.3 * hashUnit(key, 61, w))) } : c,
        changes: { signal: [onsetAt] },
      },
    };
  },
};
