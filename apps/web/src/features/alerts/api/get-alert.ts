import { queryOptions, useQuery } from '@tanstack/react-query';
import { alertDetailSchema, type AlertDetail } from '@fleet/telemetry/api/alerts';
import { apiGet } from '../../../lib/api-client';

/** `GET /alerts/{id}`: one alert with its timeline. */
export function getAlert(id: string, signal?: AbortSignal): Promise<AlertDetail> {
  return apiGet(`/alerts/${encodeURIComponent(id)}`, alertDetailSchema, { signal });
}

export const alertDetailsQueryKey = ['alerts', 'detail'] as const;

export const alertQueryKey = (id: string) => [...alertDetailsQueryKey, id] as const;

export function useAlert(id: string) {
  return useQuery(
    queryOptions({ queryKey: alertQueryKey(id), queryFn: ({ signal }) => getAlert(id, signal) }),
  );
}
