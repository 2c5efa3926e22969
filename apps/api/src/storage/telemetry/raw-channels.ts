import type { Channel } from '@fleet/telemetry/protocol/topics';
import type { MessageOf } from '@fleet/telemetry/protocol/messages';
import { isoInstant, optionalText } from './clean-text';

/** One typed column of a raw channel table and how to read it from a message payload. */
interface ColumnSpec<C extends Channel> {
  name: string;
  pgType: string;
  // Method syntax on purpose: lets a channel's spec stand in for the union of all channels.
  read(payload: MessageOf<C>['payload']): unknown;
}

export interface RawChannelSpec<C extends Channel> {
  table: string;
  columns: ReadonlyArray<ColumnSpec<C>>;
}

const opt = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** Where each channel is stored and how its payload maps to columns. */
export const RAW_CHANNELS: { [C in Channel]: RawChannelSpec<C> } = {
  heartbeat: {
    table: 'heartbeats',
    columns: [
      { name: 'interval_s', pgType: 'integer', read: (p) => p.intervalS },
      { name: 'uptime_s', pgType: 'bigint', read: (p) => p.uptimeS },
      { name: 'comm', pgType: 'text', read: (p) => p.comm },
      { name: 'power', pgType: 'text', read: (p) => p.power },
      { name: 'battery_pct', pgType: 'real', read: (p) => opt(p.batteryPct) },
      { name: 'fw', pgType: 'text', read: (p) => optionalText(p.fw) },
      { name: 'model', pgType: 'text', read: (p) => optionalText(p.model) },
    ],
  },
  signal: {
    table: 'signal_samples',
    columns: [
      { name: 'comm', pgType: 'text', read: (p) => p.comm },
      { name: 'rssi_dbm', pgType: 'real', read: (p) => opt(p.rssiDbm) },
      { name: 'rsrp_dbm', pgType: 'real', read: (p) => opt(p.rsrpDbm) },
      { name: 'rsrq_db', pgType: 'real', read: (p) => opt(p.rsrqDb) },
      { name: 'sinr_db', pgType: 'real', read: (p) => opt(p.sinrDb) },
      { name: 'csq', pgType: 'smallint', read: (p) => opt(p.csq) },
      { name: 'mcc_mnc', pgType: 'text', read: (p) => opt(p.mccMnc) },
      { name: 'cell_id', pgType: 'text', read: (p) => optionalText(p.cellId) },
      { name: 'lac', pgType: 'text', read: (p) => optionalText(p.lac) },
      { name: 'wifi_rssi_dbm', pgType: 'real', read: (p) => opt(p.wifiRssiDbm) },
      { name: 'line_ok', pgType: 'boolean', read: (p) => opt(p.lineOk) },
    ],
  },
  sim: {
    table: 'sim_samples',
    columns: [
      { name: 'iccid', pgType: 'text', read: (p) => p.iccid },
      { name: 'data_balance_mb', pgType: 'double precision', read: (p) => p.dataBalanceMb },
      { name: 'expires_at', pgType: 'timestamptz', read: (p) => isoInstant(p.expiresAt) },
      { name: 'carrier', pgType: 'text', read: (p) => optionalText(p.carrier) },
      { name: 'mcc_mnc', pgType: 'text', read: (p) => opt(p.mccMnc) },
      { name: 'data_plan_mb', pgType: 'double precision', read: (p) => opt(p.dataPlanMb) },
    ],
  },
  paper: {
    table: 'paper_samples',
    columns: [{ name: 'status', pgType: 'text', read: (p) => p.status }],
  },
  txn: {
    table: 'txn_windows',
    columns: [
      { name: 'window_s', pgType: 'integer', read: (p) => p.windowS },
      { name: 'approved', pgType: 'bigint', read: (p) => p.approved },
      { name: 'declined', pgType: 'bigint', read: (p) => p.declined },
      { name: 'timeouts', pgType: 'bigint', read: (p) => p.timeouts },
      { name: 'reversals', pgType: 'bigint', read: (p) => p.reversals },
      { name: 'reversal_failed', pgType: 'bigint', read: (p) => p.reversalFailed },
      { name: 'comm_errors', pgType: 'bigint', read: (p) => p.commErrors },
    ],
  },
  event: {
    table: 'events',
    columns: [
      { name: 'code', pgType: 'text', read: (p) => p.code },
      { name: 'detail', pgType: 'text', read: (p) => optionalText(p.detail) },
    ],
  },
  status: {
    table: 'status_changes',
    columns: [
      { name: 'online', pgType: 'boolean', read: (p) => p.online },
      { name: 'reason', pgType: 'text', read: (p) => optionalText(p.reason) },
    ],
  },
};
