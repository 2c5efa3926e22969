import { z } from 'zod';
import { CAUSE_CODES } from '../causes';

/** `GET /terminals/at-risk` (shared/PROTOCOL.md §2) plus optional fields the dashboard uses. */

/** The numbers behind a cause's evidence, keyed per cause code; plain JSON values only. */
export type EvidenceData = Record<string, number | string>;
export const evidenceDataSchema = z.record(z.string(), z.union([z.number(), z.string()]));

export const riskCauseViewSchema = z.object({
  code: z.enum(CAUSE_CODES),
  /** The numbers that triggered it, in English words: for scripts, and the fallback for other languages. */
  evidence: z.string(),
  /**
   * The same numbers as data, so clients can word the evidence in their own language; a client
   * that cannot read them words the evidence from the English text rather than failing.
   */
  evidenceData: evidenceDataSchema.optional().catch(undefined),
  /** ISO time the failure is expected, where a forecast exists. */
  predictedAt: z.string().optional(),
  score: z.number().optional(),
  /** Set when the terminal is part of an area-wide incident. */
  incidentId: z.string().optional(),
});
export type RiskCauseView = z.infer<typeof riskCauseViewSchema>;

/** "Merchant contacted" marker so two agents do not call the same shop. */
export const contactViewSchema = z.object({ by: z.string(), at: z.string(), note: z.string().optional() });

export const atRiskItemSchema = z.object({
  terminalId: z.string(),
  riskScore: z.number().min(0).max(100),
  causes: z.array(riskCauseViewSchema),
  recommendedAction: z.string(),
  merchantId: z.string().nullish(),
  merchantName: z.string().nullish(),
  merchantPhone: z.string().nullish(),
  region: z.string().nullish(),
  lat: z.number().nullish(),
  lon: z.number().nullish(),
  online: z.boolean().nullish(),
  lastSeenAt: z.string().nullish(),
  contact: contactViewSchema.nullish(),
});
export type AtRiskItem = z.infer<typeof atRiskItemSchema>;

export const atRiskResponseSchema = z.object({ items: z.array(atRiskItemSchema), generatedAt: z.string() });
export type AtRiskResponse = z.infer<typeof atRiskResponseSchema>;

/** `GET /incidents`: one fleet-level incident (carrier or area outage, payment host). */
export const incidentViewSchema = z.object({
  id: z.string(),
  code: z.enum(['CARRIER_OUTAGE', 'HOST_MAINTENANCE']),
  startedAt: z.string(),
  endedAt: z.string().nullish(),
  terminalCount: z.number().int().nonnegative(),
  mccMnc: z.string().optional(),
  region: z.string().optional(),
  memberIds: z.array(z.string()).optional(),
});
export type IncidentView = z.infer<typeof incidentViewSchema>;

export const incidentsResponseSchema = z.object({ items: z.array(incidentViewSchema) });
export type IncidentsResponse = z.infer<typeof incidentsResponseSchema>;
