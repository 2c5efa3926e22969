import { COMM_TYPES, PAPER_STATUSES, type CommType } from '@fleet/telemetry/protocol/messages';
import type { PaperSample, SignalSample } from '@fleet/telemetry/risk/history';
import type { FleetRisk } from '../fleet-risk';
import { toMs, type LoadedHistories } from './history-rows';
import { insertSample, upsertBucketed } from './sorted-series';
import { addTxnWindow, TXN_BUCKET_MS, type TxnHour } from './txn-buckets';

const HOUR = 3_600_000;
const asComm = (v: string | null): CommType | undefined =>
  v !== null && (COMM_TYPES as readonly string[]).includes(v) ? (v as CommType) : undefined;
const asPaper = (v: string): PaperSample['status'] | undefined =>
  (PAPER_STATUSES as readonly string[]).includes(v) ? (v as PaperSample['status']) : undefined;
const opt = (v: number | null): number | undefined => (v === null ? undefined : Number(v));

/** Fills the engine's compact histories from the rows the start-up load read. */
export function loadHistories(fleet: FleetRisk, rows: LoadedHistories, now: number): void {
  for (const r of rows.registry) {
    fleet.setRegistry(r.terminal_id, {
      registered: r.registered,
      region: r.region ?? undefined,
      comm: asComm(r.comm),
    });
  }
  const intervals = new Map<string, number>();
  const signalComm = new Map<string, CommType>();
  for (const r of rows.latest) {
    const b = fleet.buffer(r.terminal_id);
    if (r.last_seen_at !== null) b.lastSeenAt = toMs(r.last_seen_at);
    if (r.interval_s !== null) intervals.set(r.terminal_id, Number(r.interval_s));
    const comm = asComm(r.signal_comm);
    if (comm !== undefined) {
      signalComm.set(r.terminal_id, comm);
      b.meta.comm = comm;
    }
    const mccMnc = r.signal_mcc_mnc ?? r.sim_mcc_mnc;
    if (mccMnc !== null) b.meta.mccMnc = mccMnc;
    if (r.sim_carrier !== null) b.meta.carrier = r.sim_carrier;
  }
  for (const r of rows.heartbeats) {
    upsertBucketed(
      fleet.buffer(r.terminal_id).heartbeats,
      {
        ts: toMs(r.ts),
        intervalS: Number(r.interval_s ?? intervals.get(r.terminal_id) ?? 60),
        power: r.power === 'battery' ? 'battery' : 'mains',
        ...(r.battery_pct === null ? {} : { batteryPct: Number(r.battery_pct) }),
      },
      HOUR,
    );
  }
  for (const r of rows.signal) {
    const comm = asComm(r.comm) ?? signalComm.get(r.terminal_id);
    if (comm === undefined) continue;
    const sample: SignalSample = {
      ts: toMs(r.ts),
      comm,
      rsrpDbm: opt(r.rsrp_dbm),
      rsrqDb: opt(r.rsrq_db),
      sinrDb: opt(r.sinr_db),
      csq: opt(r.csq),
      rssiDbm: opt(r.rssi_dbm),
      wifiRssiDbm: opt(r.wifi_rssi_dbm),
      lineOk: r.line_ok ?? undefined,
      mccMnc: r.mcc_mnc ?? undefined,
    };
    insertSample(fleet.buffer(r.terminal_id).signal, sample);
  }
  for (const r of rows.sim) {
    if (r.data_balance_mb === null || r.expires_at === null || r.iccid === null) continue;
    upsertBucketed(
      fleet.buffer(r.terminal_id).sim,
      {
        ts: toMs(r.ts),
        dataBalanceMb: Number(r.data_balance_mb),
        expiresAt: toMs(r.expires_at),
        dataPlanMb: opt(r.data_plan_mb),
        iccid: r.iccid,
      },
      HOUR,
    );
  }
  for (const r of rows.txn) {
    const ts = toMs(r.ts);
    const hour: TxnHour = {
      ts,
      windowS: Math.max(1, Math.round((ts - toMs(r.window_start)) / 1000)),
      approved: Number(r.approved),
      declined: Number(r.declined),
      timeouts: Number(r.timeouts),
      reversals: Number(r.reversals),
      reversalFailed: Number(r.reversal_failed),
      commErrors: Number(r.comm_errors),
      // The stored sums are exact (raw rows are unique): later redeliveries are new windows only.
      windowEnds: [ts],
    };
    upsertBucketed(fleet.buffer(r.terminal_id).txn, hour, TXN_BUCKET_MS, addTxnWindow);
  }
  for (const r of rows.events) {
    fleet
      .buffer(r.terminal_id)
      .addEvent(
        r.detail === null
          ? { ts: toMs(r.ts), code: r.code }
          : { ts: toMs(r.ts), code: r.code, detail: r.detail },
      );
  }
  for (const r of rows.status) {
    const sample =
      r.reason === null
        ? { ts: toMs(r.ts), online: r.online }
        : { ts: toMs(r.ts), online: r.online, reason: r.reason };
    insertSample(fleet.buffer(r.terminal_id).status, sample);
  }
  for (const r of rows.paper) {
    const status = asPaper(r.status);
    if (status !== undefined) fleet.buffer(r.terminal_id).addPaper({ ts: toMs(r.ts), status });
  }
  for (const buffer of fleet.terminals.values()) buffer.trim(now);
}
