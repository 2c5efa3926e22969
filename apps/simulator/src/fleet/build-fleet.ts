import type { FaultLabel, FaultPlugin, InjectedFault } from '../faults/fault';
import { DEVICE_FAULTS } from '../faults/registry';
import { TerminalModel } from '../model/terminal-model';
import { Rng } from '../random';
import { DAY, HOUR } from '../time';
import { createProfile } from './create-profile';
import { toImportRow, type ImportRow } from './import-row';
import { planIncidents, type CarrierOutageOption, type HostMaintenanceOption, type PlannedIncidents } from './incidents';
import { expectedCausesAt, type TerminalLabel } from './labels';
import type { TerminalProfile } from './terminal-profile';

export interface BuildFleetOptions {
  size: number;
  seed: number;
  /** Share of terminals given a device fault or hard negative (0…1); default 0.25. */
  faultShare?: number;
  /** Terminal id prefix; ids look like `${idPrefix}000123`. Default `T`. */
  idPrefix?: string;
  /** The fleet's "now" (epoch ms); faults are placed around it. Default: the current hour. */
  now?: number;
  /** Area-wide incidents; `false` disables one. Default: both, placed around `now`. */
  carrierOutage?: CarrierOutageOption;
  hostMaintenance?: HostMaintenanceOption;
}

export interface SimTerminal {
  profile: TerminalProfile;
  faults: InjectedFault[];
  model: TerminalModel;
}

export interface Fleet {
  seed: number;
  now: number;
  terminals: SimTerminal[];
  importRows: ImportRow[];
  labels: TerminalLabel[];
  incidents: Omit<PlannedIncidents, 'faults'>;
}

/** Ids are the prefix plus 6–7 digits, so they stay within TERMINAL_ID_PATTERN's 64 characters. */
export const ID_PREFIX_PATTERN = /^[A-Za-z0-9_-]{0,57}$/;

export function validateFleetOptions(o: BuildFleetOptions): void {
  if (!Number.isInteger(o.size) || o.size < 0 || o.size > 1_000_000) throw new RangeError('size must be an integer 0…1000000');
  if (!Number.isInteger(o.seed)) throw new RangeError('seed must be an integer');
  const share = o.faultShare ?? 0.25;
  if (!(share >= 0 && share <= 1)) throw new RangeError('faultShare must be between 0 and 1');
  if (!ID_PREFIX_PATTERN.test(o.idPrefix ?? 'T')) throw new RangeError('idPrefix must be at most 57 of [A-Za-z0-9_-]');
  if (o.now !== undefined && !Number.isFinite(o.now)) throw new RangeError('now must be epoch milliseconds');
}

/** Every kind once (so small fleets still cover them all), then by weight. */
function assignFaults(rng: Rng, size: number, share: number): Map<number, FaultPlugin> {
  const order = rng.shuffle(Array.from({ length: size }, (_, i) => i));
  const count = Math.round(size * share);
  const assigned = new Map<number, FaultPlugin>();
  order.slice(0, count).forEach((index, k) => {
    const byOrder = DEVICE_FAULTS[k]?.[0];
    assigned.set(index, byOrder ?? rng.weighted(DEVICE_FAULTS));
  });
  return assigned;
}

/** A seeded, reproducible fleet with its ground-truth labels. */
export function buildFleet(options: BuildFleetOptions): Fleet {
  validateFleetOptions(options);
  const now = options.now ?? Math.floor(Date.now() / HOUR) * HOUR;
  const root = new Rng(options.seed);
  const assigned = assignFaults(root.fork('assign'), options.size, options.faultShare ?? 0.25);
  const profileRng = root.fork('profiles');
  const faultRng = root.fork('faults');
  const deviceFaults = new Map<number, InjectedFault[]>();
  const profiles: TerminalProfile[] = [];
  for (let index = 0; index < options.size; index++) {
    const plugin = assigned.get(index);
    const comm = plugin ? profileRng.pick(plugin.comms) : undefined;
    const profile = createProfile(profileRng, { index, idPrefix: options.idPrefix ?? 'T', now, comm });
    if (plugin) deviceFaults.set(index, [plugin.create({ rng: faultRng.fork(profile.terminalId), profile, now })]);
    profiles.push(profile);
  }
  const { faults: incidentFaults, ...incidents } = planIncidents(root.fork('incidents'), profiles, now, options);
  const terminals = profiles.map((profile) => {
    const faults = [...(deviceFaults.get(profile.index) ?? []), ...(incidentFaults.get(profile.index) ?? [])];
    return { profile, faults, model: new TerminalModel(profile, faults.map((f) => f.effect)) };
  });
  return {
    seed: options.seed,
    now,
    terminals,
    importRows: profiles.map(toImportRow),
    labels: terminals.map((t) => labelOf(t, now)),
    incidents,
  };
}

function labelOf(terminal: SimTerminal, now: number): TerminalLabel {
  const faults: FaultLabel[] = terminal.faults.map((f) => f.label);
  if (terminal.profile.rhythm.powersOffAtNight) {
    faults.push({
      kind: 'nightly_shutdown',
      hardNegative: true,
      causes: [],
      onsetAt: now - 30 * DAY,
      note: 'switched off cleanly every night (reason "shutdown"); not a failure',
    });
  }
  return { terminalId: terminal.profile.terminalId, faults, expectedCauses: expectedCausesAt(faults, now) };
}
