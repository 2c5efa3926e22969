import type { BuildFleetOptions } from '@fleet/simulator/fleet/build-fleet';

const HOUR = 3_600_000;

/**
 * A labelled scenario: a seeded simulator fleet whose faults and hard negatives (night
 * shutdowns, 2G with unknown csq, brief dips, card declines, slow-burning low balances,
 * recent top-ups, late and duplicate bursts) are placed around `now`. Incidents are given
 * relative to `now`; `false` leaves one out, undefined keeps the simulator's default
 * (already over by `now`, so its members must no longer be flagged).
 */
export interface Scenario {
  name: string;
  size: number;
  seed: number;
  /** Days of history published before `now`. */
  days: number;
  faultShare?: number;
  carrierOutage?: { startOffsetH: number; endOffsetH: number } | false;
  hostMaintenance?: { startOffsetH: number; endOffsetH: number } | false;
}

/** The small scenario the CI spec runs end to end. */
export const SMOKE_SCENARIO: Scenario = {
  name: 'smoke',
  size: 60,
  seed: 7,
  days: 2.5,
  faultShare: 0.5,
  // An outage in a 60-terminal fleet hits too few terminals to be "many"; host maintenance hits all.
  carrierOutage: false,
  hostMaintenance: { startOffsetH: -1, endOffsetH: 2 },
};

export const SCENARIOS: readonly Scenario[] = [
  { name: 'mixed-past-incidents', size: 240, seed: 101, days: 3 },
  {
    name: 'carrier-outage-now',
    size: 240,
    seed: 202,
    days: 3,
    carrierOutage: { startOffsetH: -2, endOffsetH: 6 },
    hostMaintenance: false,
  },
  {
    name: 'host-maintenance-now',
    size: 200,
    seed: 303,
    days: 3,
    carrierOutage: false,
    hostMaintenance: { startOffsetH: -1, endOffsetH: 2 },
  },
  { name: 'fault-heavy', size: 160, seed: 404, days: 3, faultShare: 0.6 },
  SMOKE_SCENARIO,
];

export function fleetOptions(s: Scenario, now: number): BuildFleetOptions {
  const window = (w: { startOffsetH: number; endOffsetH: number }) => ({
    startAt: now + w.startOffsetH * HOUR,
    endAt: now + w.endOffsetH * HOUR,
  });
  return {
    size: s.size,
    seed: s.seed,
    now,
    faultShare: s.faultShare,
    // undefined keeps the default and false leaves the incident out; both pass through.
    carrierOutage: s.carrierOutage && window(s.carrierOutage),
    hostMaintenance: s.hostMaintenance && window(s.hostMaintenance),
  };
}
