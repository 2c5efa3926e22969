/** A terminal as the API shows it: registry fields plus its latest telemetry state. */
export interface TerminalState {
  terminalId: string;
  /** False while the terminal has published but was never imported. */
  registered: boolean;
  merchantId: string | null;
  merchantName: string | null;
  region: string | null;
  lat: number | null;
  lon: number | null;
  model: string | null;
  comm: string | null;
  accountManager: string | null;
  merchantPhone: string | null;
  /** False until the terminal has been heard from, and after a Last Will or clean shutdown. */
  online: boolean;
  /** `lost` (Last Will) or `shutdown` (clean power-off) while offline by status. */
  onlineReason: string | null;
  /** ISO time of the newest device ts over all traffic. */
  lastSeenAt: string | null;
  /** ISO platform time of the newest message. */
  lastReceivedAt: string | null;
  /** Newest payload per channel, camelCase as on the wire, `ts` as ISO text. */
  signal: Record<string, unknown> | null;
  sim: Record<string, unknown> | null;
  paper: Record<string, unknown> | null;
  heartbeat: Record<string, unknown> | null;
  txn: Record<string, unknown> | null;
  riskScore: number;
  causes: unknown[];
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
    causes: row.causes ?? [],
    riskUpdatedAt: toIso(row.risk_updated_at),
  };
}
