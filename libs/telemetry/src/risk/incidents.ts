import { densestBurst, type Failure } from './burst';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import { type Incident, incidentId } from './incident';
import type { IncidentCandidate } from './incident-candidate';

interface Cell {
  carrier: string;
  region: string;
  key: Incident['key'];
  size: number;
  failing: Failure[];
  burst?: { start: number; end: number };
}

const MERGE_MS = 3_600_000;

/**
 * Fleet-level incidents. Terminals are grouped into carrier × region cells; a cell fails
 * when enough of its terminals (count and share of the cell) dropped offline within
 * minutes. Failing cells of one carrier in several regions are one CARRIER_OUTAGE of the
 * carrier; failing cells of several carriers in one region are one outage of the area;
 * a lone failing cell is an outage of that carrier there. Host failures (online, host not
 * answering) bursting across carriers are one HOST_MAINTENANCE.
 */
export function detectIncidents(
  terminals: readonly IncidentCandidate[],
  now: number,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): Incident[] {
  const cfg = config.incidents;
  const cells = groupCells(terminals, now - cfg.confirmMs);
  const failingCells: Cell[] = [];
  for (const cell of cells.values()) {
    cell.failing.sort((a, b) => a.at - b.at);
    const burst = densestBurst(cell.failing, cfg.burstWindowMs, cfg.burstGapMs);
    if (burst === undefined) continue;
    const count = burst.to - burst.from;
    if (count < cfg.minCellMembers || count < cfg.minCellShare * cell.size) continue;
    cell.burst = { start: cell.failing[burst.from]!.at, end: cell.failing[burst.to - 1]!.at };
    failingCells.push(cell);
  }
  failingCells.sort((a, b) => a.burst!.start - b.burst!.start);

  const incidents: Incident[] = [];
  const taken = new Set<string>();
  const used = new Set<Cell>();
  const emit = (key: Incident['key'], group: readonly Cell[], members: readonly Cell[]): void => {
    const from = Math.min(...group.map((c) => c.burst!.start)) - cfg.burstGapMs;
    const to = Math.max(...group.map((c) => c.burst!.end)) + cfg.burstGapMs;
    const memberIds: string[] = [];
    let startedAt = Infinity;
    for (const cell of members) {
      for (const f of cell.failing) {
        if (f.at < from || f.at > to || taken.has(f.id)) continue;
        memberIds.push(f.id);
        startedAt = Math.min(startedAt, f.at);
      }
    }
    if (memberIds.length < cfg.minMembers) return;
    for (const id of memberIds) taken.add(id);
    for (const cell of group) used.add(cell);
    memberIds.sort();
    incidents.push({
      id: incidentId('CARRIER_OUTAGE', key, startedAt),
      code: 'CARRIER_OUTAGE',
      key,
      startedAt,
      memberIds,
    });
  };

  // One carrier failing in several regions at once: the carrier's outage.
  for (const [carrier, group] of chains(
    failingCells.filter((c) => c.carrier !== ''),
    (c) => c.carrier,
  )) {
    if (new Set(group.map((c) => c.region)).size < 2) continue;
    const all = [...cells.values()].filter((c) => c.carrier === carrier);
    emit({ mccMnc: group[0]!.key.mccMnc, carrier: group[0]!.key.carrier }, group, all);
  }
  // Several carriers failing in one region at once: the area's outage (power, backhaul).
  const rest = failingCells.filter((c) => !used.has(c));
  for (const [region, group] of chains(rest, (c) => c.region)) {
    if (new Set(group.map((c) => c.carrier)).size < 2) continue;
    const all = [...cells.values()].filter((c) => c.region === region);
    emit(region === '' ? {} : { region }, group, all);
  }
  for (const cell of failingCells) {
    if (!used.has(cell)) emit(cell.key, [cell], [cell]);
  }
  const host = detectHostMaintenance(terminals, now, config);
  if (host !== undefined) incidents.push(host);
  return incidents;
}

/** Cells of the fleet, with the terminals that dropped offline by `confirmedBy`. */
function groupCells(terminals: readonly IncidentCandidate[], confirmedBy: number): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const t of terminals) {
    const carrier = t.mccMnc ?? t.carrier ?? '';
    const region = t.region ?? '';
    const id = `${carrier}\u0000${region}`;
    let cell = cells.get(id);
    if (cell === undefined) {
      const key: Incident['key'] = {};
      if (t.mccMnc !== undefined) key.mccMnc = t.mccMnc;
      if (t.carrier !== undefined) key.carrier = t.carrier;
      if (t.region !== undefined) key.region = t.region;
      cell = { carrier, region, key, size: 0, failing: [] };
      cells.set(id, cell);
    }
    cell.size++;
    if (t.failureKind === 'offline' && !t.online && t.failingSince !== undefined && t.failingSince <= confirmedBy) {
      cell.failing.push({ id: t.terminalId, at: t.failingSince });
    }
  }
  return cells;
}

/** Groups cells (sorted by burst start) by key, split where starts drift apart by over an hour. */
function chains(cells: readonly Cell[], keyOf: (cell: Cell) => string): Array<[string, Cell[]]> {
  const open = new Map<string, Cell[]>();
  const out: Array<[string, Cell[]]> = [];
  for (const cell of cells) {
    const key = keyOf(cell);
    const chain = open.get(key);
    if (chain !== undefined && cell.burst!.start - chain[0]!.burst!.start <= MERGE_MS) {
      chain.push(cell);
      continue;
    }
    const fresh = [cell];
    open.set(key, fresh);
    out.push([key, fresh]);
  }
  return out;
}

/**
 * Online terminals whose host stopped answering together, across carriers: their own
 * links are fine, so what they share is the payment host. A burst counts when it has
 * enough members and stands out from the fleet's other host failures; a fixed share of
 * the fleet instead would miss a host serving 20 of 20,000 terminals.
 */
function detectHostMaintenance(
  terminals: readonly IncidentCandidate[],
  now: number,
  config: RiskConfig,
): Incident | undefined {
  const cfg = config.incidents;
  const failing: Failure[] = [];
  const carriers = new Map<string, string>();
  const fleetCarriers = new Set<string>();
  for (const t of terminals) {
    const carrier = t.mccMnc ?? t.carrier ?? '';
    fleetCarriers.add(carrier);
    if (t.failureKind === 'host' && t.failingSince !== undefined && t.failingSince <= now) {
      failing.push({ id: t.terminalId, at: t.failingSince });
      carriers.set(t.terminalId, carrier);
    }
  }
  failing.sort((a, b) => a.at - b.at);
  // Together = many within one window; stragglers reporting later (txn windows come
  // every 15 min, quiet shops later still) join while the gaps stay under a window.
  const core = densestBurst(failing, cfg.hostWindowMs, 0);
  const burst = densestBurst(failing, cfg.hostWindowMs, cfg.hostWindowMs);
  if (core === undefined || burst === undefined) return undefined;
  const together = core.to - core.from;
  const members = failing.slice(burst.from, burst.to);
  const background = failing.length - members.length;
  if (together < cfg.minMembers || together < cfg.hostMinLift * background) return undefined;
  const memberCarriers = new Set(members.map((m) => carriers.get(m.id)));
  if (memberCarriers.size < Math.min(2, fleetCarriers.size)) return undefined;
  const startedAt = members[0]!.at;
  return {
    id: incidentId('HOST_MAINTENANCE', {}, startedAt),
    code: 'HOST_MAINTENANCE',
    key: {},
    startedAt,
    memberIds: members.map((m) => m.id).sort(),
  };
}
