import { fleetSummarySchema, type FleetSummaryView } from '@fleet/telemetry/api/fleet';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { FLEET_REFRESH_MS } from './refresh';

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
