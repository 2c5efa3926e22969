import { z } from 'zod';
import { CAUSE_CODES } from '../causes';

const count = z.number().int().nonnegative();

/** Ingest pipeline counters; `GET /health` reports the same block. */
export const ingestCountersSchema = z.object({
  received: count,
  stored: count,
  rejected: count,
  bufferDepth: count,
});

/** `GET /fleet/summary`: headline numbers of the overview. */
export const fleetSummarySchema = z.object({
  total: count,
  online: count,
  offline: count,
  unregistered: count,
  atRisk: count,
  atRiskByCause: z.partialRecord(z.enum(CAUSE_CODES), count),
  openIncidents: count,
  ingest: ingestCountersSchema,
});
export type FleetSummaryView = z.infer<typeof fleetSummarySchema>;

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

const reading = z.number().nullable();

export const terminalSeriesSchema = z.object({
  terminalId: z.string(),
  range: z.enum(SERIES_RANGES),
  bucketSeconds: z.number().positive(),
  from: z.string(),
  to: z.string(),
  signal: z.array(
    z.object({
      t: z.string(),
      rsrpDbm: reading,
      rsrqDb: reading,
      sinrDb: reading,
      csq: reading,
      rssiDbm: reading,
      wifiRssiDbm: reading,
    }),
  ),
  sim: z.array(z.object({ t: z.string(), dataBalanceMb: reading })),
  txn: z.array(
    z.object({
      t: z.string(),
      approved: z.number(),
      declined: z.number(),
      timeouts: z.number(),
      reversals: z.number(),
      commErrors: z.number(),
    }),
  ),
  heartbeats: z.array(z.object({ t: z.string(), count: z.number() })),
  status: z.array(z.object({ t: z.string(), online: z.boolean(), reason: z.string().nullable() })),
  paper: z.array(z.object({ t: z.string(), status: z.string() })),
  events: z.array(z.object({ t: z.string(), code: z.string(), detail: z.string().nullable() })),
  /** Forecast of the SIM balance reaching zero and the plan's expiry. */
  forecast: z.object({ simZeroAt: z.string().nullable(), simExpiresAt: z.string().nullable() }),
});
export type TerminalSeriesView = z.infer<typeof terminalSeriesSchema>;
