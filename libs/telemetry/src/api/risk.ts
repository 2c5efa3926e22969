import type { CauseCode } from '../causes';

/** `GET /terminals/at-risk` (shared/PROTOCOL.md §2) plus optional fields the dashboard uses. */

export interface RiskCauseView {
  code: CauseCode;
  /** The numbers that triggered it, in words. */
  evidence: string;
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
