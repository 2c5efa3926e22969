import { incidentViewSchema, type IncidentView } from '@fleet/telemetry/api/risk';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { apiGet } from '../lib/api-client';

/** `GET /incidents/{id}`: one incident with its member terminal ids. */
export function getIncident(incidentId: string, signal?: AbortSignal): Promise<IncidentView> {
  return apiGet(`/incidents/${encodeURIComponent(incidentId)}`, incidentViewSchema, { signal });
}

export const incidentQueryKey = (incidentId: string) => ['incidents', 'detail', incidentId] as const;

export function incidentQueryOptions(incidentId: string) {
  return queryOptions({
    queryKey: incidentQueryKey(incidentId),
    queryFn: ({ signal }) => getIncident(incidentId, signal),
    refetchInterval: 60_000,
  });
}

export function useIncident(incidentId: string) {
  return useQuery(incidentQueryOptions(incidentId));
}

/** Details of several incidents at once (the map draws each open one as an area). */
export function useIncidentDetails(incidentIds: readonly string[]) {
  return useQueries({ queries: incidentIds.map((id) => incidentQueryOptions(id)) });
}
