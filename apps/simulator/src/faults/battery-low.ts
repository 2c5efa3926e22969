import { HOUR } from '../time';
import type { FaultPlugin } from './fault';

/** Mains unplugged: the terminal runs on battery, charge falls, and it dies when empty. */
export const batteryLow: FaultPlugin = {
  kind: 'battery_low',
  comms: ['4g'],
  create({ rng, profile, now }) {
    profile.hasBattery = true;
    // Battery drain is only meaningful if the shop leaves the terminal on.
    profile.rhythm = { ...profile.rhythm, powersOffAtNight: false };
    const unpluggedAt = now - rng.span(2, 5, HOUR);
    const pctNow = rng.between(8, 18);
    const drainPerMs = (100 - pctNow) / (now - unpluggedAt);
    const lowAt = Math.round(unpluggedAt + 80 / drainPerMs);
    const deadAt = Math.round(unpluggedAt + 100 / drainPerMs);
    const pctAt = (t: number) => Math.max(0, Math.round(100 - drainPerMs * (t - unpluggedAt)));
    return {
      label: {
        kind: 'battery_low',
        hardNegative: false,
        causes: ['POWER'],
        onsetAt: unpluggedAt,
        failureAt: deadAt,
        note: `on battery since onsetAt; ${Math.round(pctNow)}% at now; dies at failureAt`,
      },
      effect: {
        power: (t, r) => (t >= unpluggedAt ? { power: 'battery', batteryPct: pctAt(t) } : r),
        outages: [{ from: deadAt, to: Infinity, mode: 'lost', permanent: true }],
        events: (from, to) =>
          lowAt >= from && lowAt < to ? [{ at: lowAt, code: 'LOW_BATTERY', detail: 'battery below 20%' }] : [],
      },
    };
  },
};
