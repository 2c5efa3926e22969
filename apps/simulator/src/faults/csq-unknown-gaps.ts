import { DAY } from '../time';
import type { FaultPlugin } from './fault';

/** Hard negative: a 2G modem that often answers csq 99 (unknown) although its signal is fine. */
export const csqUnknownGaps: FaultPlugin = {
  kind: 'csq_unknown_gaps',
  comms: ['2g'],
  create({ rng, profile, now }) {
    profile.baseCsq = rng.int(13, 22);
    profile.csqUnknownShare = rng.between(0.2, 0.4);
    return {
      label: {
        kind: 'csq_unknown_gaps',
        hardNegative: true,
        causes: [],
        onsetAt: now - 30 * DAY,
        note: `csq ${profile.baseCsq} with ${Math.round(profile.csqUnknownShare * 100)}% of readings 99`,
      },
      effect: {},
    };
  },
};
