import { DEFAULT_HORIZON_HOURS } from '@fleet/telemetry/causes';
import { utcMidnight } from '../fleet/create-profile';
import { HOUR } from '../time';
import type { FaultPlugin } from './fault';

/** The SIM plan (often valid for one year only) expires within the 72 h horizon. */
export const simExpiry: FaultPlugin = {
  kind: 'sim_expiry',
  comms: ['4g', '2g'],
  create({ rng, profile, now }) {
    const sim = profile.sim;
    if (!sim) throw new Error(`${profile.terminalId}: sim_expiry needs a SIM`);
    sim.expiresAt = utcMidnight(now + rng.span(30, 70, HOUR));
    const cutOffAt = sim.expiresAt + rng.span(0, 2, HOUR);
    return {
      label: {
        kind: 'sim_expiry',
        hardNegative: false,
        causes: ['SIM_EXPIRY'],
        onsetAt: sim.expiresAt - DEFAULT_HORIZON_HOURS * HOUR,
        failureAt: sim.expiresAt,
        note: `plan expires ${new Date(sim.expiresAt).toISOString().slice(0, 10)}; the carrier cuts data soon after`,
      },
      effect: { outages: [{ from: cutOffAt, to: Infinity, mode: 'lost', permanent: true }] },
    };
  },
};
