/** Rows the start-up load reads (times as Date or text, numbers as the drivers return them). */
export type Time = Date | string | number;

export interface RegistryRow {
  terminal_id: string;
  region: string | null;
  comm: string | null;
  registered: boolean;
}

export interface LatestRow {
  terminal_id: string;
  last_seen_at: Time | null;
  signal_comm: string | null;
  signal_mcc_mnc: string | null;
  sim_carrier: string | null;
  sim_mcc_mnc: string | null;
  interval_s: number | null;
  status_online: boolean | null;
  status_reason: string | null;
  status_ts: Time | null;
  status_received_at: Time | null;
}

export interface HeartbeatRow {
  terminal_id: string;
  ts: Time;
  interval_s: number | null;
  power: string | null;
  battery_pct: number | null;
}

export interface SignalRow {
  terminal_id: string;
  ts: Time;
  comm: string | null;
  rsrp_dbm: number | null;
  rsrq_db: number | null;
  sinr_db: number | null;
  csq: number | null;
  rssi_dbm: number | null;
  wifi_rssi_dbm: number | null;
  line_ok: boolean | null;
  mcc_mnc: string | null;
}

export interface SimRow {
  terminal_id: string;
  ts: Time;
  iccid: string | null;
  data_balance_mb: number | null;
  expires_at: Time | null;
  data_plan_mb: number | null;
}

export interface TxnRow {
  terminal_id: string;
  ts: Time;
  window_start: Time;
  approved: number;
  declined: number;
  timeouts: number;
  reversals: number;
  reversal_failed: number;
  comm_errors: number;
}

export interface EventRow {
  terminal_id: string;
  ts: Time;
  code: string;
  detail: string | null;
}

export interface StatusRow {
  terminal_id: string;
  /** When it took effect: the ingestor dates Last Wills (see StatusTimeline). */
  ts: Time;
  online: boolean;
  reason: string | null;
}

export interface PaperRow {
  terminal_id: string;
  ts: Time;
  status: string;
}

export interface LoadedHistories {
  registry: RegistryRow[];
  latest: LatestRow[];
  heartbeats: HeartbeatRow[];
  signal: SignalRow[];
  sim: SimRow[];
  txn: TxnRow[];
  events: EventRow[];
  status: StatusRow[];
  paper: PaperRow[];
}

export const toMs = (t: Time): number =>
  t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
