import type { CauseView, TerminalStateView } from '@fleet/telemetry/api/terminals';

/** A terminal as the API shows it (TerminalStateView), plus fields only the platform reads. */
export interface TerminalState extends TerminalStateView {
  /** False until the terminal has been heard from, and after a Last Will or clean shutdown. */
  online: boolean;
  accountManager: string | null;
  txn: Record<string, unknown> | null;
  riskUpdatedAt: string | null;
}

/** The joined row the repository selects (terminals left join terminal_latest). */
export interface TerminalStateRow {
  terminal_id: string;
  registered: boolean;
  merchant_id: string | null;
  merchant_name: string | null;
  region: string | null;
  lat: number | null;
  lon: number | null;
  model: string | null;
  comm: string | null;
  account_manager: string | null;
  merchant_phone: string | null;
  address: string | null;
  online: boolean | null;
  online_reason: string | null;
  last_seen_at: Date | null;
  last_received_at: Date | null;
  signal: Record<string, unknown> | null;
  sim: Record<string, unknown> | null;
  paper: Record<string, unknown> | null;
  heartbeat: Record<string, unknown> | null;
  txn: Record<string, unknown> | null;
  risk_score: number | null;
  causes: unknown[] | null;
  risk_updated_at: Date | null;
}

export const toIso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toTerminalState(row: TerminalStateRow): TerminalState {
  return {
    terminalId: row.terminal_id,
    registered: row.registered,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    region: row.region,
    lat: row.lat,
    lon: row.lon,
    model: row.model,
    comm: row.comm,
    accountManager: row.account_manager,
    merchantPhone: row.merchant_phone,
    address: row.address,
    online: row.online ?? false,
    onlineReason: row.online_reason,
    lastSeenAt: toIso(row.last_seen_at),
    lastReceivedAt: toIso(row.last_received_at),
    signal: row.signal,
    sim: row.sim,
    paper: row.paper,
    heartbeat: row.heartbeat,
    txn: row.txn,
    riskScore: row.risk_score ?? 0,
    // Written by the risk engine in the API's cause shape.
    causes: (row.causes ?? []) as CauseView[],
    riskUpdatedAt: toIso(row.risk_updated_at),
  };
}
