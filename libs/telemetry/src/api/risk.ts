import { z } from 'zod';
import type { CauseCode } from '../causes';

/** `GET /terminals/at-risk` (shared/PROTOCOL.md §2) plus optional fields the dashboard uses. */

/** The numbers behind a cause's evidence, keyed per cause code; plain JSON values only. */
export type EvidenceData = Record<string, number | string>;
export const evidenceDataSchema = z.record(z.string(), z.union([z.number(), z.string()]));

export interface RiskCauseView {
  code: CauseCode;
  /** The numbers that triggered it, in English words: for scripts, and the fallback for other languages. */
  evidence: string;
  /** The same numbers as data, so clients can word the evidence in their own language. */
  evidenceData?: EvidenceData;
  /** ISO time the failure is expected, where a forecast exists. */
  predictedAt?: string;
  score?: number;
  /** Set when the terminal is part of an area-wide incident. */
  incidentId?: string;
}

export interface AtRiskItem {
  terminalId: string;
  riskScore: number;
  causes: RiskCauseView[];
  recommendedAction: string;
  merchantId?: string | null;
  merchantName?: string | null;
  merchantPhone?: string | null;
  region?: string | null;
  lat?: number | null;
  lon?: number | null;
  online?: boolean | null;
  lastSeenAt?: string | null;
  /** "Merchant contacted" marker so two agents do not call the same shop. */
  contact?: { by: string; at: string; note?: string } | null;
}

export interface AtRiskResponse {
  items: AtRiskItem[];
  generatedAt: string;
}

export interface IncidentView {
  id: string;
  code: 'CARRIER_OUTAGE' | 'HOST_MAINTENANCE';
  startedAt: string;
  endedAt?: string | null;
  terminalCount: number;
  mccMnc?: string;
  region?: string;
  memberIds?: string[];
}

export interface IncidentsResponse {
  items: IncidentView[];
}
