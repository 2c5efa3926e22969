import { DAY, HOUR } from '../time';
import type { FaultPlugin } from './fault';

/** Hard negative: the balance was nearly gone, but the merchant topped up hours ago. */
export const simRecentTopUp: FaultPlugin = {
  kind: 'sim_recent_topup',
  comms: ['4g', '2g'],
  create({ rng, profile, now }) {
    const sim = profile.sim;
    if (!sim) throw new Error(`${profile.terminalId}: sim_recent_topup needs a SIM`);
    sim.planMb = 1024;
    const burnMbPerDay = rng.between(25, 45);
    const topUpAt = now - rng.span(6, 36, HOUR);
    const balanceBefore = rng.between(5, 40);
    sim.balance = [
      { from: topUpAt - 20 * DAY, balanceMb: balanceBefore + burnMbPerDay * 20, burnMbPerDay },
      { from: topUpAt, balanceMb: sim.planMb, burnMbPerDay },
    ];
    return {
      label: {
        kind: 'sim_recent_topup',
        hardNegative: true,
        causes: [],
        onsetAt: topUpAt - 3 * DAY,
        note: `topped up from ${Math.round(balanceBefore)} MB to ${sim.planMb} MB at ${new Date(topUpAt).toISOString()}`,
      },
      effect: {},
    };
  },
};
