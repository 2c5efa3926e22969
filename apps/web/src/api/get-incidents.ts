import type { IncidentsResponse } from '@fleet/telemetry/api/risk';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../lib/api-client';

export const incidentSchema = z.object({
  id: z.string(),
  code: z.enum(['CARRIER_OUTAGE', 'HOST_MAINTENANCE']),
  startedAt: z.string(),
  endedAt: z.string().nullish(),
  terminalCount: z.number().int().nonnegative(),
  mccMnc: z.string().optional(),
  region: z.string().optional(),
  memberIds: z.array(z.string()).optional(),
});

export const incidentsSchema = z.object({ items: z.array(incidentSchema) });

export type IncidentStatusFilter = 'open' | 'all';

/** `GET /incidents?status=`: shared by the incidents page and the map's incident areas. */
export function getIncidents(status: IncidentStatusFilter, signal?: AbortSignal): Promise<IncidentsResponse> {
  return apiGet(`/incidents?status=${status}`, incidentsSchema, { signal });
}

export const incidentsQueryKey = (status: IncidentStatusFilter) => ['incidents', 'list', status] as const;

export function incidentsQueryOptions(status: IncidentStatusFilter) {
  return queryOptions({
    queryKey: incidentsQueryKey(status),
    queryFn: ({ signal }) => getIncidents(status, signal),
    refetchInterval: 60_000,
  });
}

export function useIncidents(status: IncidentStatusFilter, enabled = true) {
  return useQuery({ ...incidentsQueryOptions(status), enabled });
}
