import type { WorkOrderKind } from '@fleet/telemetry/api/work-orders';
import type { AssignmentOptions } from './dispatch-options';

/** A technician as assignment sees one. */
export interface TechnicianCandidate {
  id: string;
  username: string;
  regions: readonly string[];
  /** Empty lists (or none at all) mean any model, any link. */
  skills: { models: readonly string[]; comms: readonly string[] } | null;
  homeBase: { lat: number; lon: number } | null;
  /** Orders they hold now (assigned, accepted, en route, on site). */
  activeOrders: number;
}

/** Where the visit is and what it needs. */
export interface VisitNeeds {
  kind: WorkOrderKind;
  region: string | null;
  model: string | null;
  comm: string | null;
  lat: number | null;
  lon: number | null;
}

export interface RankedTechnician {
  technician: TechnicianCandidate;
  /** Great-circle km from their home base; undefined when either place is unknown. */
  distanceKm: number | undefined;
  cost: number;
}

const EARTH_KM = 6371;
/** Unknown distance ranks behind every known one within the country, but is not excluded. */
const UNKNOWN_DISTANCE_KM = 5_000;

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The terminal's region is theirs, they know its model and link (a paper delivery needs neither). */
export function isEligible(
  tech: TechnicianCandidate,
  needs: VisitNeeds,
  options: AssignmentOptions,
): boolean {
  if (needs.region === null || !tech.regions.includes(needs.region)) return false;
  if (tech.activeOrders >= options.maxActiveOrders) return false;
  if (needs.kind === 'paper_delivery') return true;
  return knows(tech.skills?.models, needs.model) && knows(tech.skills?.comms, needs.comm);
}

function knows(list: readonly string[] | undefined, value: string | null): boolean {
  if (list === undefined || list.length === 0) return true;
  return value !== null && list.some((item) => item.toLowerCase() === value.toLowerCase());
}

/**
 * Eligible technicians, best first: cost = distance from their home base to the merchant
 * plus `loadPenaltyKm` per order they hold; ties go to the lighter load, then the nearer,
 * then by username so the choice is stable. `excluded` (those who rejected it) are left out.
 */
export function rankTechnicians(
  technicians: readonly TechnicianCandidate[],
  needs: VisitNeeds,
  options: AssignmentOptions,
  excluded: ReadonlySet<string> = new Set(),
): RankedTechnician[] {
  const site = needs.lat !== null && needs.lon !== null ? { lat: needs.lat, lon: needs.lon } : null;
  return technicians
    .filter((tech) => !excluded.has(tech.id) && isEligible(tech, needs, options))
    .map((technician) => {
      const distanceKm =
        site !== null && technician.homeBase !== null ? haversineKm(technician.homeBase, site) : undefined;
      const cost = (distanceKm ?? UNKNOWN_DISTANCE_KM) + options.loadPenaltyKm * technician.activeOrders;
      return { technician, distanceKm, cost };
    })
    .sort(
      (a, b) =>
        a.cost - b.cost ||
        a.technician.activeOrders - b.technician.activeOrders ||
        (a.distanceKm ?? UNKNOWN_DISTANCE_KM) - (b.distanceKm ?? UNKNOWN_DISTANCE_KM) ||
        a.technician.username.localeCompare(b.technician.username),
    );
}
