import type { TxnSample } from '@fleet/telemetry/risk/history';

const HOUR = 3_600_000;

/** An hour of transaction windows summed; `windowEnds` lets a redelivered window be ignored. */
export interface TxnHour extends TxnSample {
  windowEnds: number[];
}

export function txnHour(window: TxnSample): TxnHour {
  return { ...window, windowEnds: [window.ts] };
}

/**
 * Adds one window to its hour. The hour's ts is its newest window end and windowS spans
 * from its earliest window start, so host-failure timing stays as honest as the sums allow.
 */
export function addTxnWindow(hour: TxnHour, window: TxnHour): TxnHour {
  if (window.windowEnds.every((end) => hour.windowEnds.includes(end))) return hour;
  const start = Math.min(hour.ts - hour.windowS * 1000, window.ts - window.windowS * 1000);
  const ts = Math.max(hour.ts, window.ts);
  return {
    ts,
    windowS: Math.round((ts - start) / 1000),
    approved: hour.approved + window.approved,
    declined: hour.declined + window.declined,
    timeouts: hour.timeouts + window.timeouts,
    reversals: hour.reversals + window.reversals,
    reversalFailed: hour.reversalFailed + window.reversalFailed,
    commErrors: hour.commErrors + window.commErrors,
    windowEnds: [...hour.windowEnds, ...window.windowEnds],
  };
}

export const TXN_BUCKET_MS = HOUR;
