import type { FleetSummaryView } from '@fleet/telemetry/api/fleet';
import { CAUSE_CODES } from '@fleet/telemetry/causes';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../../../lib/api-client';
import { FLEET_REFRESH_MS } from './refresh';

const count = z.number().int().nonnegative();

/** Ingest pipeline counters; `GET /health` reports the same block. */
export const ingestCountersSchema = z.object({
  received: count,
  stored: count,
  rejected: count,
  bufferDepth: count,
});

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

export function getFleetSummary(signal?: AbortSignal): Promise<FleetSummaryView> {
  return apiGet('/fleet/summary', fleetSummarySchema, { signal });
}

export const fleetSummaryQueryKey = ['fleet', 'summary'] as const;

export function fleetSummaryQueryOptions() {
  return queryOptions({
    queryKey: fleetSummaryQueryKey,
    queryFn: ({ signal }) => getFleetSummary(signal),
    refetchInterval: FLEET_REFRESH_MS,
  });
}

export function useFleetSummary() {
  return useQuery(fleetSummaryQueryOptions());
}
