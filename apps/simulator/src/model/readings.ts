import type { CommType } from '@fleet/telemetry/protocol/messages';

/** What a terminal measures at one instant, before it is put on the wire. */

export interface SignalReading {
  comm: CommType;
  rssiDbm?: number;
  rsrpDbm?: number;
  rsrqDb?: number;
  sinrDb?: number;
  csq?: number;
  mccMnc?: string;
  cellId?: number;
  lac?: number;
  wifiRssiDbm?: number;
  lineOk?: boolean;
}

export interface SimReading {
  dataBalanceMb: number;
  /** Epoch ms of the plan's expiry. */
  expiresAt: number;
}

export interface PowerReading {
  power: 'mains' | 'battery';
  batteryPct?: number;
}

export type PaperStatus = 'ok' | 'low' | 'out' | 'jam' | 'cover_open';

/** Transaction counts over one 15-minute window. */
export interface TxnCounts {
  approved: number;
  declined: number;
  timeouts: number;
  reversals: number;
  reversalFailed: number;
  commErrors: number;
}

export interface TerminalEvent {
  at: number;
  code: string;
  detail?: string;
}

/**
 * A stretch when the terminal is not publishing normally.
 * lost: disconnected, the broker publishes the Last Will; nothing is kept.
 * buffering: disconnected (Last Will too) but measuring and storing, flushed on reconnect.
 * silent: still connected, publishes nothing (hung application), so no Last Will.
 */
export interface LinkOutage {
  from: number;
  /** Infinity when the terminal never comes back. */
  to: number;
  mode: 'lost' | 'buffering' | 'silent';
  /** Device faults beat the nightly power-off; network outages do not. */
  permanent: boolean;
  /** The terminal reboots when the link returns (seq restarts, REBOOT event). */
  rebootOnReturn?: boolean;
}
