import { queryOptions, useQuery } from '@tanstack/react-query';
import { alertsResponseSchema, type AlertsResponse, type AlertState } from '@fleet/telemetry/api/alerts';
import { apiGet } from '../../../lib/api-client';

/** A state, or every state. */
export type AlertStateFilter = AlertState | 'all';

/** `GET /alerts?state=`: the caller's alerts, newest first (the API scopes them). */
export function getAlerts(state: AlertStateFilter, signal?: AbortSignal): Promise<AlertsResponse> {
  const query = state === 'all' ? '' : `?state=${state}`;
  return apiGet(`/alerts${query}`, alertsResponseSchema, { signal });
}

export const alertListsQueryKey = ['alerts', 'list'] as const;

export const alertsQueryKey = (state: AlertStateFilter) => [...alertListsQueryKey, state] as const;

export function alertsQueryOptions(state: AlertStateFilter) {
  return queryOptions({ queryKey: alertsQueryKey(state), queryFn: ({ signal }) => getAlerts(state, signal) });
}

export function useAlerts(state: AlertStateFilter) {
  return useQuery(alertsQueryOptions(state));
}
