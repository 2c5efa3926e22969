import { HOUR } from '../time';
import { tradingMomentBefore } from './fault-helpers';
import type { FaultPlugin } from './fault';

/** The application hangs: the MQTT session stays up, so there is no Last Will, but nothing is published. */
export const silent: FaultPlugin = {
  kind: 'silent',
  comms: ['4g', '2g', 'wifi', 'ethernet', 'dialup'],
  create({ rng, profile, now }) {
    const at = tradingMomentBefore(profile, now - rng.span(1, 6, HOUR));
    return {
      label: {
        kind: 'silent',
        hardNegative: false,
        causes: ['OFFLINE'],
        onsetAt: at,
        failureAt: at,
        // Silence only counts once a few heartbeats are missed.
        expectedFrom: at + 3 * profile.heartbeatIntervalS * 1000,
        note: 'stops publishing without a Last Will; offline once past its heartbeat allowance',
      },
      effect: { outages: [{ from: at, to: Infinity, mode: 'silent', permanent: true }] },
    };
  },
};
