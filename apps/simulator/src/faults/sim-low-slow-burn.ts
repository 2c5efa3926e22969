import { DAY } from '../time';
import type { FaultPlugin } from './fault';

/** Hard negative: a low balance that burns so slowly it lasts weeks. */
export const simLowSlowBurn: FaultPlugin = {
  kind: 'sim_low_slow_burn',
  comms: ['4g', '2g'],
  create({ rng, profile, now }) {
    const sim = profile.sim;
    if (!sim) throw new Error(`${profile.terminalId}: sim_low_slow_burn needs a SIM`);
    sim.planMb = rng.pick([300, 500]);
    const burnMbPerDay = rng.between(2.5, 6);
    const balanceNow = rng.between(50, 120);
    sim.balance = [{ from: now - 20 * DAY, balanceMb: balanceNow + burnMbPerDay * 20, burnMbPerDay }];
    return {
      label: {
        kind: 'sim_low_slow_burn',
        hardNegative: true,
        causes: [],
        onsetAt: now - 20 * DAY,
        note: `${Math.round(balanceNow)} MB left at ${burnMbPerDay.toFixed(1)} MB/day: about ${Math.round(balanceNow / burnMbPerDay)} days`,
      },
      effect: {},
    };
  },
};
