import { atRiskResponseSchema, type AtRiskResponse } from '@fleet/telemetry/api/risk';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** The whole queue is fetched once; cause chips filter it on the client so pushes patch one cache entry. */
export const AT_RISK_LIMIT = 500;

export function getAtRisk(signal?: AbortSignal): Promise<AtRiskResponse> {
  return apiGet(`/terminals/at-risk?limit=${AT_RISK_LIMIT}`, atRiskResponseSchema, { signal });
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
