import type { CommType } from '../protocol/messages';

/**
 * What the risk engine knows about one terminal: its registration and up to ~7 days
 * of telemetry, one array per channel, in plain numbers (times are epoch ms).
 * Arrays should be sorted by `ts`; detectors still cope with duplicates and slight
 * disorder (store-and-forward delivers late and twice), see normalizeHistory.
 * Downsampled rows are fine where noted: detectors look at levels and rates, not
 * at every raw message.
 */

/** One heartbeat, or the last heartbeat of each hour with traffic (enough for every detector). */
export interface HeartbeatSample {
  ts: number;
  intervalS: number;
  power: 'mains' | 'battery';
  batteryPct?: number;
}

/** One signal report, or a per-bucket median (≤ 15 min buckets keep trends visible). */
export interface SignalSample {
  ts: number;
  comm: CommType;
  rsrpDbm?: number;
  rsrqDb?: number;
  sinrDb?: number;
  /** 0–31, or 99 = unknown (treated as missing, never as a level). */
  csq?: number;
  rssiDbm?: number;
  wifiRssiDbm?: number;
  /** Dial-up line test result. */
  lineOk?: boolean;
  mccMnc?: string;
}

export interface SimSample {
  ts: number;
  dataBalanceMb: number;
  /** Plan expiry, epoch ms. */
  expiresAt: number;
  dataPlanMb?: number;
  iccid: string;
}

export interface PaperSample {
  ts: number;
  status: 'ok' | 'low' | 'out' | 'jam' | 'cover_open';
}

export interface TxnSample {
  ts: number;
  windowS: number;
  approved: number;
  declined: number;
  timeouts: number;
  reversals: number;
  reversalFailed: number;
  commErrors: number;
}

export interface EventSample {
  ts: number;
  /** CONN_FAIL, HOST_UNREACHABLE, SIGN_IN_FAIL, REBOOT, LOW_BATTERY, PAPER_OUT, … */
  code: string;
  /** Free text; ISO 8583 response codes (68/91/96) in it point at the host. */
  detail?: string;
}

export interface StatusSample {
  /**
   * When the status took effect. Use the platform receive time for offline statuses:
   * a Last Will's payload is fixed at connect time, so its device `ts` is stale.
   */
  ts: number;
  online: boolean;
  /** 'shutdown' (clean power-off) or 'lost' (Last Will); other values count as lost. */
  reason?: string;
}

export interface TerminalMeta {
  terminalId: string;
  /** Registered or last reported link type. */
  comm?: CommType;
  mccMnc?: string;
  carrier?: string;
  region?: string;
  registered: boolean;
}

export interface TerminalHistory {
  meta: TerminalMeta;
  heartbeats: readonly HeartbeatSample[];
  signal: readonly SignalSample[];
  sim: readonly SimSample[];
  paper: readonly PaperSample[];
  txn: readonly TxnSample[];
  events: readonly EventSample[];
  status: readonly StatusSample[];
  /** Latest time any traffic other than an offline status arrived (proof of life); undefined if never. */
  lastSeenAt?: number;
}
