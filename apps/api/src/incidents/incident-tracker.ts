import type { Incident } from '@fleet/telemetry/risk/incident';

export interface OpenIncident {
  id: string;
  code: Incident['code'];
  mccMnc?: string;
  carrier?: string;
  region?: string;
  memberIds: readonly string[];
}

export interface IncidentChanges {
  /** Every detected incident, under the id it is stored as. */
  current: Incident[];
  /** New incidents and open ones whose members changed, under their stored id. */
  upserts: Incident[];
  /** Open incidents no sweep finds any more. */
  ended: string[];
}

const sameKey = (a: OpenIncident, b: Incident) =>
  a.code === b.code && a.mccMnc === b.key.mccMnc && a.carrier === b.key.carrier && a.region === b.key.region;

const sameMembers = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Reconciles one sweep's incidents with the open ones. An open incident of the same code
 * and area keeps its id even when its detected start moves (members dropping earlier join
 * later), so one outage stays one row; what no longer shows up has ended.
 */
export function trackIncidents(
  open: readonly OpenIncident[],
  detected: readonly Incident[],
): IncidentChanges {
  const unmatched = new Map(open.map((o) => [o.id, o]));
  const upserts: Incident[] = [];
  const current: Incident[] = [];
  for (const incident of detected) {
    const match = unmatched.get(incident.id) ?? [...unmatched.values()].find((o) => sameKey(o, incident));
    if (match === undefined) {
      upserts.push(incident);
      current.push(incident);
      continue;
    }
    unmatched.delete(match.id);
    const stable = { ...incident, id: match.id, memberIds: [...incident.memberIds].sort() };
    current.push(stable);
    if (!sameMembers(stable.memberIds, [...match.memberIds].sort())) upserts.push(stable);
  }
  return { current, upserts, ended: [...unmatched.keys()] };
}
