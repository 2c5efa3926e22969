import { carrierOutageFault, type CarrierOutagePlan } from '../faults/carrier-outage';
import type { InjectedFault } from '../faults/fault';
import { hostMaintenanceFault, type HostMaintenancePlan } from '../faults/host-maintenance';
import { isPoweredOn, trafficWeight } from '../model/shop-hours';
import type { Rng } from '../random';
import { DAY, HOUR, localDayStart } from '../time';
import type { TerminalProfile } from './terminal-profile';

export type CarrierOutageOption = { startAt: number; endAt: number; mccMnc?: string; region?: string } | false;
export type HostMaintenanceOption = HostMaintenancePlan | false;

/** Default: an 8-hour outage starting at 11:00 local, today if that is at least 2 h ago, else yesterday. */
export function defaultCarrierOutageWindow(now: number): { startAt: number; endAt: number } {
  let startAt = localDayStart(now) + 11 * HOUR;
  if (startAt > now - 2 * HOUR) startAt -= DAY;
  return { startAt, endAt: startAt + 8 * HOUR };
}

/** Default: three hours of host maintenance from 14:00 local two days ago. */
export function defaultHostMaintenanceWindow(now: number): HostMaintenancePlan {
  const startAt = localDayStart(now - 2 * DAY) + 14 * HOUR;
  return { startAt, endAt: startAt + 3 * HOUR };
}

/** The carrier and city with the most mobile terminals: the outage that hurts most. */
function busiestCarrierArea(profiles: readonly TerminalProfile[]): { mccMnc: string; region: string } | undefined {
  const counts = new Map<string, number>();
  for (const p of profiles) if (p.sim) counts.set(`${p.sim.mccMnc}|${p.region}`, (counts.get(`${p.sim.mccMnc}|${p.region}`) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!best) return undefined;
  const [mccMnc = '', region = ''] = best[0].split('|');
  return { mccMnc, region };
}

export interface PlannedIncidents {
  carrierOutage?: CarrierOutagePlan & { terminalIds: string[] };
  hostMaintenance?: HostMaintenancePlan & { terminalIds: string[] };
  /** Faults to add, by terminal index. */
  faults: Map<number, InjectedFault[]>;
}

/** Plans the area-wide incidents and hands each affected terminal its share. */
export function planIncidents(
  rng: Rng,
  profiles: readonly TerminalProfile[],
  now: number,
  options: { carrierOutage?: CarrierOutageOption; hostMaintenance?: HostMaintenanceOption },
): PlannedIncidents {
  const planned: PlannedIncidents = { faults: new Map() };
  const add = (index: number, fault: InjectedFault) => planned.faults.set(index, [...(planned.faults.get(index) ?? []), fault]);

  if (options.carrierOutage !== false) {
    const window = options.carrierOutage ?? defaultCarrierOutageWindow(now);
    const area = busiestCarrierArea(profiles);
    const mccMnc = options.carrierOutage?.mccMnc ?? area?.mccMnc;
    const region = options.carrierOutage?.region ?? area?.region;
    if (mccMnc && region) {
      const plan: CarrierOutagePlan = { mccMnc, region, startAt: window.startAt, endAt: window.endAt };
      const hit = profiles.filter(
        (p) => p.sim?.mccMnc === mccMnc && p.region === region && isPoweredOn(p.rhythm, p.noiseKey, plan.startAt),
      );
      hit.forEach((p) => add(p.index, carrierOutageFault(rng, plan)));
      planned.carrierOutage = { ...plan, terminalIds: hit.map((p) => p.terminalId) };
    }
  }

  if (options.hostMaintenance !== false) {
    const plan = options.hostMaintenance ?? defaultHostMaintenanceWindow(now);
    const mid = (plan.startAt + plan.endAt) / 2;
    const hit = profiles.filter((p) => trafficWeight(p.rhythm, p.noiseKey, mid) > 0);
    hit.forEach((p) => add(p.index, hostMaintenanceFault(p.noiseKey, plan)));
    planned.hostMaintenance = { ...plan, terminalIds: hit.map((p) => p.terminalId) };
  }
  return planned;
}
