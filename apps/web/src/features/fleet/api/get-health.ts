import { queryOptions, useQuery } from '@tanstack/react-query';
import { demoStatusSchema, ingestProgressSchema } from '@fleet/telemetry/api/health';
import { z } from 'zod';

import { apiGet } from '../../../lib/api-client';
import { ingestCountersSchema } from './get-fleet-summary';
import { FLEET_REFRESH_MS } from './refresh';

export const healthSchema = z.object({
  status: z.string(),
  database: z.object({ mode: z.string(), driver: z.string() }),
  // The broker block differs between the embedded and an external broker; shown as-is.
  broker: z.record(z.string(), z.unknown()).optional(),
  ingest: ingestCountersSchema.merge(ingestProgressSchema).optional(),
  demo: demoStatusSchema.optional(),
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
