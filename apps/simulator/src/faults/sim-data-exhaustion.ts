import { DEFAULT_HORIZON_HOURS } from '@fleet/telemetry/causes';
import { DAY, HOUR } from '../time';
import type { FaultPlugin } from './fault';

/** The most common cause: the SIM's data runs out within 1–3 days at a high burn rate. */
export const simDataExhaustion: FaultPlugin = {
  kind: 'sim_data_exhaustion',
  comms: ['4g', '2g'],
  create({ rng, profile, now }) {
    const sim = profile.sim;
    if (!sim) throw new Error(`${profile.terminalId}: sim_data_exhaustion needs a SIM`);
    sim.planMb = rng.pick([1024, 2048]);
    const burnMbPerDay = rng.between(150, 400);
    const zeroAt = now + rng.span(24, 72, HOUR);
    const lastTopUp = Math.round(zeroAt - (sim.planMb / burnMbPerDay) * DAY);
    sim.balance = [
      { from: lastTopUp - 30 * DAY, balanceMb: sim.planMb, burnMbPerDay: rng.between(4, 10) },
      { from: lastTopUp, balanceMb: sim.planMb, burnMbPerDay },
    ];
    return {
      label: {
        kind: 'sim_data_exhaustion',
        hardNegative: false,
        causes: ['SIM_DATA_EXHAUSTION'],
        onsetAt: lastTopUp,
        expectedFrom: zeroAt - DEFAULT_HORIZON_HOURS * HOUR,
        failureAt: zeroAt,
        note: `burns ${Math.round(burnMbPerDay)} MB/day of a ${sim.planMb} MB plan; 0 MB at failureAt, then offline`,
      },
      // With no data left the terminal cannot reach the broker at all.
      effect: { outages: [{ from: zeroAt, to: Infinity, mode: 'lost', permanent: true }] },
    };
  },
};
