import { evidenceDataSchema, type AtRiskResponse } from '@fleet/telemetry/api/risk';
import { CAUSE_CODES } from '@fleet/telemetry/causes';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../../../lib/api-client';

export const contactSchema = z.object({ by: z.string(), at: z.string(), note: z.string().optional() });

export const atRiskItemSchema = z.object({
  terminalId: z.string(),
  riskScore: z.number().min(0).max(100),
  causes: z.array(
    z.object({
      code: z.enum(CAUSE_CODES),
      evidence: z.string(),
      // Unreadable data words the evidence from the English text rather than failing the queue.
      evidenceData: evidenceDataSchema.optional().catch(undefined),
      predictedAt: z.string().optional(),
      score: z.number().optional(),
      incidentId: z.string().optional(),
    }),
  ),
  recommendedAction: z.string(),
  merchantId: z.string().nullish(),
  merchantName: z.string().nullish(),
  merchantPhone: z.string().nullish(),
  region: z.string().nullish(),
  lat: z.number().nullish(),
  lon: z.number().nullish(),
  online: z.boolean().nullish(),
  lastSeenAt: z.string().nullish(),
  contact: contactSchema.nullish(),
});

export const atRiskSchema = z.object({ items: z.array(atRiskItemSchema), generatedAt: z.string() });

/** The whole queue is fetched once; cause chips filter it on the client so pushes patch one cache entry. */
export const AT_RISK_LIMIT = 500;

export function getAtRisk(signal?: AbortSignal): Promise<AtRiskResponse> {
  return apiGet(`/terminals/at-risk?limit=${AT_RISK_LIMIT}`, atRiskSchema, { signal });
}

export const atRiskQueryKey = ['risk', 'at-risk'] as const;

export function atRiskQueryOptions() {
  return queryOptions({
    queryKey: atRiskQueryKey,
    queryFn: ({ signal }) => getAtRisk(signal),
    refetchInterval: 60_000,
  });
}

export function useAtRisk() {
  return useQuery(atRiskQueryOptions());
}
