import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the schema that migrations 0001–0002 create. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface TerminalsTable {
  terminal_id: string;
  merchant_id: string | null;
  merchant_name: string | null;
  region: string | null;
  lat: number | null;
  lon: number | null;
  model: string | null;
  comm: string | null;
  account_manager: string | null;
  /** Added by migration 0006. */
  merchant_phone: string | null;
  /** Added by migration 0024: the shop's street address. */
  address: string | null;
  /** Added by migration 0013: `{"open","close"}` local times, or null. */
  shop_hours: ColumnType<{ open: string; close: string } | null, string | null, string | null>;
  registered: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface TerminalLatestTable {
  terminal_id: string;
  heartbeat: Json<Record<string, unknown>> | null;
  heartbeat_ts: Timestamp | null;
  signal: Json<Record<string, unknown>> | null;
  signal_ts: Timestamp | null;
  sim: Json<Record<string, unknown>> | null;
  sim_ts: Timestamp | null;
  paper: Json<Record<string, unknown>> | null;
  paper_ts: Timestamp | null;
  txn: Json<Record<string, unknown>> | null;
  txn_ts: Timestamp | null;
  event: Json<Record<string, unknown>> | null;
  event_ts: Timestamp | null;
  status_online: boolean | null;
  status_reason: string | null;
  status_ts: Timestamp | null;
  status_received_at: Timestamp | null;
  last_seen_at: Timestamp | null;
  last_received_at: Timestamp | null;
  online: ColumnType<boolean, never, never>;
  online_reason: ColumnType<string | null, never, never>;
  risk_score: Generated<number>;
  causes: Generated<Json<unknown[]>>;
  risk_updated_at: Timestamp | null;
  updated_at: Generated<Timestamp>;
}

export interface DeadLettersTable {
  id: Generated<number>;
  received_at: Timestamp;
  topic: string;
  payload: string;
  reason: string;
  detail: string;
  terminal_id: string | null;
}

interface RawColumns {
  terminal_id: string;
  ts: Timestamp;
  seq: number;
  received_at: Timestamp;
}

export interface HeartbeatsTable extends RawColumns {
  interval_s: number | null;
  uptime_s: number | null;
  comm: string | null;
  power: string | null;
  battery_pct: number | null;
  fw: string | null;
  model: string | null;
}

export interface SignalSamplesTable extends RawColumns {
  comm: string | null;
  rssi_dbm: number | null;
  rsrp_dbm: number | null;
  rsrq_db: number | null;
  sinr_db: number | null;
  csq: number | null;
  mcc_mnc: string | null;
  cell_id: string | null;
  lac: string | null;
  wifi_rssi_dbm: number | null;
  line_ok: boolean | null;
}

export interface SimSamplesTable extends RawColumns {
  iccid: string | null;
  data_balance_mb: number | null;
  expires_at: Timestamp | null;
  carrier: string | null;
  mcc_mnc: string | null;
  data_plan_mb: number | null;
}

export interface PaperSamplesTable extends RawColumns {
  status: string | null;
}

export interface TxnWindowsTable extends RawColumns {
  window_s: number | null;
  approved: number | null;
  declined: number | null;
  timeouts: number | null;
  reversals: number | null;
  reversal_failed: number | null;
  comm_errors: number | null;
}

export interface EventsTable extends RawColumns {
  code: string | null;
  detail: string | null;
}

export interface StatusChangesTable extends RawColumns {
  online: boolean | null;
  reason: string | null;
}

interface RollupKey {
  bucket: Timestamp;
  terminal_id: string;
}

type Stats<P extends string> = { [K in `${'avg' | 'min' | 'max'}_${P}`]: number | null };

export type SignalRollup = RollupKey &
  Stats<'rssi_dbm' | 'rsrp_dbm' | 'rsrq_db' | 'sinr_db' | 'wifi_rssi_dbm'> & {
    samples: number;
    avg_csq: number | null;
    min_csq: number | null;
    line_failures: number;
  };

export interface TxnRollup extends RollupKey {
  windows: number;
  approved: number;
  declined: number;
  timeouts: number;
  reversals: number;
  reversal_failed: number;
  comm_errors: number;
}

export interface SimRollup extends RollupKey {
  samples: number;
  last_balance_mb: number | null;
  min_balance_mb: number | null;
}

export interface HeartbeatRollup extends RollupKey {
  heartbeats: number;
}

export interface DB {
  terminals: TerminalsTable;
  terminal_latest: TerminalLatestTable;
  dead_letters: DeadLettersTable;
  heartbeats: HeartbeatsTable;
  signal_samples: SignalSamplesTable;
  sim_samples: SimSamplesTable;
  paper_samples: PaperSamplesTable;
  txn_windows: TxnWindowsTable;
  events: EventsTable;
  status_changes: StatusChangesTable;
  signal_hourly: SignalRollup;
  signal_daily: SignalRollup;
  txn_hourly: TxnRollup;
  txn_daily: TxnRollup;
  sim_hourly: SimRollup;
  sim_daily: SimRollup;
  heartbeat_hourly: HeartbeatRollup;
  heartbeat_daily: HeartbeatRollup;
}
