import { queryOptions, useQuery } from '@tanstack/react-query';
import { healthViewSchema, type HealthView } from '@fleet/telemetry/api/health';
import { apiGet } from '../../../lib/api-client';
import { FLEET_REFRESH_MS } from './refresh';

export function getHealth(signal?: AbortSignal): Promise<HealthView> {
  return apiGet('/health', healthViewSchema, { signal });
}

export const healthQueryKey = ['fleet', 'health'] as const;

export function healthQueryOptions() {
  return queryOptions({
    queryKey: healthQueryKey,
    queryFn: ({ signal }) => getHealth(signal),
    // Faster while history loads or the ingest catches up, so the banner follows it.
    refetchInterval: (query) => {
      const health = query.state.data;
      return health?.demo?.phase === 'backfill' || health?.ingest?.catchingUp ? 5_000 : FLEET_REFRESH_MS;
    },
  });
}

export function useHealth() {
  return useQuery(healthQueryOptions());
}
