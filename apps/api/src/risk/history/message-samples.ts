import type { MessageOf } from '@fleet/telemetry/protocol/messages';
import type {
  EventSample,
  HeartbeatSample,
  PaperSample,
  SignalSample,
  SimSample,
  TxnSample,
} from '@fleet/telemetry/risk/history';

/** Validated messages → the engine's compact samples (only the fields detectors read). */

export function heartbeatSample({ ts, payload: p }: MessageOf<'heartbeat'>): HeartbeatSample {
  const s: HeartbeatSample = { ts, intervalS: p.intervalS, power: p.power };
  if (p.batteryPct !== undefined) s.batteryPct = p.batteryPct;
  return s;
}

export function signalSample({ ts, payload: p }: MessageOf<'signal'>): SignalSample {
  return {
    ts,
    comm: p.comm,
    rsrpDbm: p.rsrpDbm,
    rsrqDb: p.rsrqDb,
    sinrDb: p.sinrDb,
    csq: p.csq,
    rssiDbm: p.rssiDbm,
    wifiRssiDbm: p.wifiRssiDbm,
    lineOk: p.lineOk,
    mccMnc: p.mccMnc,
  };
}

export function simSample({ ts, payload: p }: MessageOf<'sim'>): SimSample {
  return {
    ts,
    dataBalanceMb: p.dataBalanceMb,
    expiresAt: Date.parse(p.expiresAt),
    dataPlanMb: p.dataPlanMb,
    iccid: p.iccid,
  };
}

export function paperSample({ ts, payload: p }: MessageOf<'paper'>): PaperSample {
  return { ts, status: p.status };
}

export function txnSample({ ts, payload: p }: MessageOf<'txn'>): TxnSample {
  return {
    ts,
    windowS: p.windowS,
    approved: p.approved,
    declined: p.declined,
    timeouts: p.timeouts,
    reversals: p.reversals,
    reversalFailed: p.reversalFailed,
    commErrors: p.commErrors,
  };
}

export function eventSample({ ts, payload: p }: MessageOf<'event'>): EventSample {
  return p.detail === undefined ? { ts, code: p.code } : { ts, code: p.code, detail: p.detail };
}
