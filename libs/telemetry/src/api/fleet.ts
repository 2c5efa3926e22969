import type { CauseCode } from '../causes';

/** `GET /fleet/summary`: headline numbers of the overview. */
export interface FleetSummaryView {
  total: number;
  online: number;
  offline: number;
  unregistered: number;
  atRisk: number;
  atRiskByCause: Partial<Record<CauseCode, number>>;
  openIncidents: number;
  ingest: { received: number; stored: number; rejected: number; bufferDepth: number };
}

/**
 * Every visible terminal as a point, columnar: index i of each array describes the same
 * terminal. `GET /fleet/map` sends it compacted (FleetMapPayload in fleet-map-codec.ts).
 */
export interface FleetMapView {
  ids: string[];
  lat: number[];
  lon: number[];
  /** 0 offline, 1 online, 2 unknown (never reported status). */
  online: number[];
  riskScore: number[];
  /** Top cause code or '' when healthy. */
  topCause: string[];
  region: string[];
  mccMnc: string[];
  merchantId: string[];
}

/** `GET /terminals/{id}/series?range=24h|7d|30d`: server-downsampled chart data. */
export const SERIES_RANGES = ['24h', '7d', '30d'] as const;
export type SeriesRange = (typeof SERIES_RANGES)[number];

export interface TerminalSeriesView {
  terminalId: string;
  range: SeriesRange;
  bucketSeconds: number;
  from: string;
  to: string;
  signal: Array<{
    t: string;
    rsrpDbm: number | null;
    rsrqDb: number | null;
    sinrDb: number | null;
    csq: number | null;
    rssiDbm: number | null;
    wifiRssiDbm: number | null;
  }>;
  sim: Array<{ t: string; dataBalanceMb: number | null }>;
  txn: Array<{
    t: string;
    approved: number;
    declined: number;
    timeouts: number;
    reversals: number;
    commErrors: number;
  }>;
  heartbeats: Array<{ t: string; count: number }>;
  status: Array<{ t: string; online: boolean; reason: string | null }>;
  paper: Array<{ t: string; status: string }>;
  events: Array<{ t: string; code: string; detail: string | null }>;
  /** Forecast of the SIM balance reaching zero and the plan's expiry. */
  forecast: { simZeroAt: string | null; simExpiresAt: string | null };
}
