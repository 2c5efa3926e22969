import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiGet } from '../../../lib/api-client';
import { ingestCountersSchema } from './get-fleet-summary';
import { FLEET_REFRESH_MS } from './refresh';

export const healthSchema = z.object({
  status: z.string(),
  database: z.object({ mode: z.string(), driver: z.string() }),
  // The broker block differs between the embedded and an external broker; shown as-is.
  broker: z.record(z.string(), z.unknown()).optional(),
  ingest: ingestCountersSchema.optional(),
});
export type Health = z.infer<typeof healthSchema>;

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return apiGet('/health', healthSchema, { signal });
}

export const healthQueryKey = ['fleet', 'health'] as const;

export function healthQueryOptions() {
  return queryOptions({
    queryKey: healthQueryKey,
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: FLEET_REFRESH_MS,
  });
}

export function useHealth() {
  return useQuery(healthQueryOptions());
}
