import { HOUR, MINUTE } from '../time';
import { tradingMomentBefore } from './fault-helpers';
import type { FaultPlugin } from './fault';

/**
 * The link drops for an hour or two; the terminal keeps measuring into its buffer and
 * flushes it on reconnect: late, shuffled, some messages twice.
 */
export const storeAndForward: FaultPlugin = {
  kind: 'store_and_forward',
  comms: ['4g', '2g', 'wifi', 'ethernet', 'dialup'],
  create({ rng, profile, now }) {
    const from = tradingMomentBefore(profile, now - rng.span(4, 24, HOUR));
    const to = from + rng.span(40, 150, MINUTE);
    return {
      label: {
        kind: 'store_and_forward',
        hardNegative: false,
        causes: ['OFFLINE'],
        onsetAt: from,
        failureAt: from,
        endsAt: to,
        note: 'offline with Last Will, buffers, flushes late/shuffled/duplicated at endsAt',
      },
      effect: { outages: [{ from, to, mode: 'buffering', permanent: false }] },
    };
  },
};
