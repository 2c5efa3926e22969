import { CITIES } from '../web/cities';

/** The carrier whose outage the bench plays; the rest of the fleet is on the other two. */
export const OUTAGE_CARRIER = { mccMnc: '46011', name: 'China Telecom' };
const OTHER_CARRIERS = [
  { mccMnc: '46000', name: 'China Mobile' },
  { mccMnc: '46001', name: 'China Unicom' },
];

export interface PlannedTerminal {
  terminalId: string;
  merchantId: string;
  region: string;
  lat: number;
  lon: number;
  mccMnc: string;
}

export type FaultKind = 'paper_out' | 'connection_lost';

export interface PlannedUser {
  username: string;
  role: 'support' | 'technician' | 'account_manager';
  email: string;
  locale: 'zh-CN' | 'en';
  regions: string[];
  merchantIds: string[];
}

export interface FleetPlan {
  terminals: PlannedTerminal[];
  /** Every terminal of OUTAGE_CARRIER: they all drop at once. */
  outage: PlannedTerminal[];
  /** Terminals of the other carriers, spread over the fleet, each with one fault. */
  faults: Array<{ terminal: PlannedTerminal; kind: FaultKind }>;
  users: PlannedUser[];
}

export interface PlanSize {
  terminals: number;
  outage: number;
  faults: number;
  terminalsPerMerchant: number;
  supportAgents: number;
  techniciansPerRegion: number;
  merchantsPerAccountManager: number;
}

/**
 * A deterministic fleet: merchants of a few terminals each, placed in Chinese cities by the
 * cities' weights; every (terminals / outage)-th terminal on the outage carrier, the others
 * alternating between the two big ones; faults picked evenly among the non-outage terminals.
 * Users: support agents, technicians per region, account managers holding merchants in turn.
 */
export function planFleet(size: PlanSize): FleetPlan {
  const totalWeight = CITIES.reduce((sum, city) => sum + city.weight, 0);
  const cityOf = (merchant: number) => {
    // A multiplicative hash spreads neighbouring merchants over the cities.
    let point = (merchant * 2654435761) % totalWeight;
    for (const city of CITIES) {
      if (point < city.weight) return city;
      point -= city.weight;
    }
    return CITIES[0]!;
  };
  const stride = Math.max(1, Math.round(size.terminals / Math.max(1, size.outage)));
  const terminals: PlannedTerminal[] = [];
  for (let i = 1; i <= size.terminals; i++) {
    const merchant = Math.floor((i - 1) / size.terminalsPerMerchant);
    const city = cityOf(merchant);
    const offset = ((i * 7919) % 1000) / 1000 - 0.5;
    terminals.push({
      terminalId: `AT${String(i).padStart(6, '0')}`,
      merchantId: `M${city.code}-${String(merchant).padStart(6, '0')}`,
      region: city.name,
      lat: city.lat + city.spreadDeg * offset,
      lon: city.lon - city.spreadDeg * offset,
      mccMnc:
        i % stride === 0 && i / stride <= size.outage ? OUTAGE_CARRIER.mccMnc : OTHER_CARRIERS[i % 2]!.mccMnc,
    });
  }
  const outage = terminals.filter((t) => t.mccMnc === OUTAGE_CARRIER.mccMnc);
  const healthy = terminals.filter((t) => t.mccMnc !== OUTAGE_CARRIER.mccMnc);
  const step = healthy.length / Math.max(1, size.faults);
  const faults = Array.from({ length: Math.min(size.faults, healthy.length) }, (_, k) => ({
    terminal: healthy[Math.floor(k * step)]!,
    kind: (k % 2 === 0 ? 'paper_out' : 'connection_lost') as FaultKind,
  }));
  return { terminals, outage, faults, users: planUsers(size, terminals) };
}

function planUsers(size: PlanSize, terminals: readonly PlannedTerminal[]): PlannedUser[] {
  const users: PlannedUser[] = [];
  const locale = (n: number) => (n % 2 === 0 ? 'zh-CN' : 'en');
  const add = (username: string, role: PlannedUser['role'], n: number, scope: Partial<PlannedUser> = {}) =>
    users.push({
      username,
      role,
      email: `${username}@bench.test`,
      locale: locale(n),
      regions: [],
      merchantIds: [],
      ...scope,
    });
  for (let n = 1; n <= size.supportAgents; n++) add(`support-${n}`, 'support', n);
  const regions = [...new Set(terminals.map((t) => t.region))].sort();
  for (const [r, region] of regions.entries()) {
    for (let n = 1; n <= size.techniciansPerRegion; n++)
      add(`tech-${r + 1}-${n}`, 'technician', n, { regions: [region] });
  }
  const merchants = [...new Set(terminals.map((t) => t.merchantId))];
  for (let from = 0, n = 1; from < merchants.length; from += size.merchantsPerAccountManager, n++) {
    add(`am-${n}`, 'account_manager', n, {
      merchantIds: merchants.slice(from, from + size.merchantsPerAccountManager),
    });
  }
  return users;
}
