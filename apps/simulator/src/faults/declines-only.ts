import { DAY } from '../time';
import type { FaultPlugin } from './fault';

/** Hard negative: many card declines (wrong PIN, frozen cards) with a perfectly good link. */
export const declinesOnly: FaultPlugin = {
  kind: 'declines_only',
  comms: ['4g', '2g', 'wifi', 'ethernet', 'dialup'],
  create({ rng, profile, now }) {
    profile.declineRate = rng.between(0.3, 0.55);
    profile.peakTxnPerHour = rng.int(30, 80);
    return {
      label: {
        kind: 'declines_only',
        hardNegative: true,
        causes: [],
        onsetAt: now - 14 * DAY,
        note: `${Math.round(profile.declineRate * 100)}% of cards declined; no connection problem`,
      },
      effect: {},
    };
  },
};
