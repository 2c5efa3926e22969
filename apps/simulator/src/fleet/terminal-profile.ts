import type { CommType } from '@fleet/telemetry/protocol/messages';
import type { TsFormat } from '../time';

/** A SIM's balance as straight-line burns; a new segment starts at each top-up. */
export interface SimBalanceSegment {
  from: number;
  balanceMb: number;
  burnMbPerDay: number;
}

export interface SimProfile {
  iccid: string;
  carrier: string;
  mccMnc: string;
  planMb: number;
  /** Epoch ms (UTC midnight of the plan's last day, as a date parser reads it). */
  expiresAt: number;
  /** Sorted by `from`; the first also extends backwards in time. */
  balance: SimBalanceSegment[];
}

export interface DailyRhythm {
  /** Local opening and closing hours, e.g. 9.5 = 09:30. */
  opensAtH: number;
  closesAtH: number;
  /** The shop switches the terminal off at night (clean shutdown, then boot in the morning). */
  powersOffAtNight: boolean;
}

/** Everything fixed about one simulated terminal. Faults adjust it once, at build time. */
export interface TerminalProfile {
  terminalId: string;
  index: number;
  /** Seed for the terminal's stateless noise. */
  noiseKey: number;
  merchantId: string;
  merchantName: string;
  accountManager: string;
  region: string;
  lat: number;
  lon: number;
  model: string;
  fw: string;
  hasBattery: boolean;
  tsFormat: TsFormat;
  comm: CommType;
  /** Set for mobile links only. */
  sim?: SimProfile;
  heartbeatIntervalS: number;
  /** Offset of this terminal's periodic publishes, so the fleet does not publish in lockstep. */
  phaseMs: number;
  rhythm: DailyRhythm;
  /** Card presentations in the busiest hour. */
  peakTxnPerHour: number;
  /** Share of card presentations declined for card-side reasons. */
  declineRate: number;
  /** Steady signal level (4G RSRP, 2G csq or Wi-Fi RSSI by link type). */
  baseRsrpDbm: number;
  baseCsq: number;
  baseWifiRssiDbm: number;
  /** Share of 2G readings where the modem reports csq 99 (unknown). */
  csqUnknownShare: number;
  cellId: number;
  lac: number;
}
