import { HOUR } from '../time';
import { tradingMomentBefore } from './fault-helpers';
import type { FaultPlugin } from './fault';

/** The terminal drops off the network for good; the broker publishes its Last Will ("lost"). */
export const connectionLost: FaultPlugin = {
  kind: 'connection_lost',
  comms: ['4g', '2g', 'wifi', 'ethernet', 'dialup'],
  create({ rng, profile, now }) {
    const at = tradingMomentBefore(profile, now - rng.span(0.5, 4, HOUR));
    return {
      label: {
        kind: 'connection_lost',
        hardNegative: false,
        causes: ['OFFLINE'],
        onsetAt: at,
        failureAt: at,
        note: 'socket dies without DISCONNECT; Last Will {"online":false,"reason":"lost"}',
      },
      effect: { outages: [{ from: at, to: Infinity, mode: 'lost', permanent: true }] },
    };
  },
};
