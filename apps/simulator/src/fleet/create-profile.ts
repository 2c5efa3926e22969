import type { CommType } from '@fleet/telemetry/protocol/messages';
import { hashString, type Rng } from '../random';
import { DAY, HOUR } from '../time';
import { CARRIERS, DATA_PLANS_MB } from './carriers';
import { accountManager, isAllNightTrade, merchantName } from './merchant-names';
import { COMM_MIX, isMobile, MODELS } from './models';
import { REGIONS } from './regions';
import type { DailyRhythm, SimProfile, TerminalProfile } from './terminal-profile';

export interface ProfileRequest {
  index: number;
  idPrefix: string;
  now: number;
  /** A fault may need a particular link (dial-up line fault, 2G csq gaps). */
  comm?: CommType;
}

const HEARTBEAT_INTERVALS: readonly (readonly [number, number])[] = [
  [60, 80],
  [120, 6],
  [300, 9],
  [900, 5],
];

/** Builds one healthy terminal; faults are applied afterwards. */
export function createProfile(rng: Rng, req: ProfileRequest): TerminalProfile {
  const terminalId = `${req.idPrefix}${String(req.index + 1).padStart(6, '0')}`;
  const region = rng.weighted(REGIONS.map((r) => [r, r.weight] as const));
  const comm = req.comm ?? rng.weighted(COMM_MIX);
  const candidates = MODELS.filter((m) => m.comms.includes(comm));
  const model = rng.pick(candidates.length > 0 ? candidates : MODELS);
  const name = merchantName(rng, region.name);
  const sim = isMobile(comm) ? createSim(rng, req.now) : undefined;
  return {
    terminalId,
    index: req.index,
    noiseKey: hashString(terminalId) ^ rng.int(0, 0x7fffffff),
    merchantId: `M${region.areaCode}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    merchantName: name,
    accountManager: accountManager(rng),
    region: region.name,
    lat: round(region.lat + rng.normal(0, region.spreadDeg), 5),
    lon: round(region.lon + rng.normal(0, region.spreadDeg), 5),
    model: model.name,
    fw: rng.pick(model.firmware),
    hasBattery: model.hasBattery,
    tsFormat: model.tsFormat,
    comm,
    sim,
    heartbeatIntervalS: rng.weighted(HEARTBEAT_INTERVALS),
    phaseMs: rng.int(0, 59_999),
    rhythm: createRhythm(rng, name),
    peakTxnPerHour: rng.int(6, 60),
    declineRate: rng.between(0.02, 0.06),
    baseRsrpDbm: Math.round(Math.min(-68, Math.max(-102, rng.normal(-88, 7)))),
    baseCsq: rng.int(13, 26),
    baseWifiRssiDbm: rng.int(-72, -42),
    csqUnknownShare: 0.02,
    cellId: rng.int(10_000, 268_435_455),
    lac: rng.int(1, 65_533),
  };
}

function createRhythm(rng: Rng, name: string): DailyRhythm {
  if (isAllNightTrade(name) && rng.chance(0.7)) return { opensAtH: 0, closesAtH: 24, powersOffAtNight: false };
  return {
    opensAtH: rng.pick([7, 8, 9, 9.5, 10, 10.5, 11]),
    closesAtH: rng.pick([20, 21, 21.5, 22, 22.5, 23]),
    powersOffAtNight: rng.chance(0.65),
  };
}

function createSim(rng: Rng, now: number): SimProfile {
  const carrier = rng.weighted(CARRIERS.map((c) => [c, c.weight] as const));
  const planMb = rng.weighted(DATA_PLANS_MB);
  // Payment traffic is small: a few MB a day, so a healthy plan lasts the month.
  const burnMbPerDay = rng.between(2, Math.min(12, planMb / 40));
  const digits = Array.from({ length: 13 }, () => rng.int(0, 9)).join('');
  return {
    iccid: `${carrier.iccidPrefix}${digits}`,
    carrier: carrier.name,
    mccMnc: carrier.mccMnc,
    planMb,
    expiresAt: utcMidnight(now + rng.between(45, 330) * DAY),
    balance: monthlyTopUps(now - 40 * DAY + rng.span(0, 20, DAY) + rng.int(0, 23) * HOUR, planMb, burnMbPerDay),
  };
}

/** A healthy SIM: topped up to its plan every 30 days, never below a quarter of it. */
function monthlyTopUps(firstTopUp: number, planMb: number, burnMbPerDay: number): SimProfile['balance'] {
  return [0, 1, 2, 3].map((k) => ({ from: firstTopUp + k * 30 * DAY, balanceMb: planMb, burnMbPerDay }));
}

/** Midnight UTC of the day t falls in (how "YYYY-MM-DD" parses). */
export function utcMidnight(t: number): number {
  return Math.floor(t / DAY) * DAY;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
