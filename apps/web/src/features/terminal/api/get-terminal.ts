import { evidenceDataSchema } from '@fleet/telemetry/api/risk';
import { CAUSE_CODES } from '@fleet/telemetry/causes';
import { queryOptions, useQuery, type QueryKey } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../../../lib/api-client';

const reading = z.record(z.string(), z.unknown()).nullable();

export const terminalStateSchema = z.object({
  terminalId: z.string(),
  registered: z.boolean(),
  merchantId: z.string().nullable(),
  merchantName: z.string().nullable(),
  merchantPhone: z.string().nullish(),
  address: z.string().nullish(),
  region: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  model: z.string().nullable(),
  comm: z.string().nullable(),
  online: z.boolean().nullable(),
  onlineReason: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  lastReceivedAt: z.string().nullable(),
  signal: reading,
  sim: reading,
  paper: reading,
  heartbeat: reading,
  riskScore: z.number().min(0).max(100),
  causes: z.array(
    z.object({
      code: z.enum(CAUSE_CODES),
      evidence: z.string(),
      // Unreadable data words the evidence from the English text rather than failing the page.
      evidenceData: evidenceDataSchema.optional().catch(undefined),
      predictedAt: z.string().optional(),
    }),
  ),
});
export type TerminalState = z.infer<typeof terminalStateSchema>;

export function getTerminal(terminalId: string, signal?: AbortSignal): Promise<TerminalState> {
  return apiGet(`/terminals/${encodeURIComponent(terminalId)}`, terminalStateSchema, { signal });
}

export const terminalQueryKey = (terminalId: string) => ['terminal', terminalId, 'state'] as const;

/** Whether `queryKey` is the cached state of one of `terminalIds`: a whole push batch in one cache pass. */
export function isTerminalStateOf(terminalIds: ReadonlySet<string>, queryKey: QueryKey): boolean {
  const [scope, terminalId, part] = queryKey;
  return scope === 'terminal' && part === 'state' && terminalIds.has(terminalId as string);
}

export function terminalQueryOptions(terminalId: string) {
  return queryOptions({
    queryKey: terminalQueryKey(terminalId),
    queryFn: ({ signal }) => getTerminal(terminalId, signal),
    refetchInterval: 60_000,
  });
}

export function useTerminal(terminalId: string) {
  return useQuery(terminalQueryOptions(terminalId));
}
