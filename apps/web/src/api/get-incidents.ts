import { incidentsResponseSchema, type IncidentsResponse } from '@fleet/telemetry/api/risk';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../lib/api-client';

export type IncidentStatusFilter = 'open' | 'all';

/** `GET /incidents?status=`: shared by the incidents page and the map's incident areas. */
export function getIncidents(status: IncidentStatusFilter, signal?: AbortSignal): Promise<IncidentsResponse> {
  return apiGet(`/incidents?status=${status}`, incidentsResponseSchema, { signal });
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
