import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../lib/api-client';

/**
 * `GET /fleet/map`: every visible terminal, columnar. Shared by the map and the incident
 * pages (features do not import each other), kept fresh by socket pushes rather than polls.
 */
const NUMBER_COLUMNS = ['lat', 'lon', 'online', 'riskScore'] as const;
const STRING_COLUMNS = ['ids', 'topCause', 'region', 'mccMnc', 'merchantId'] as const;

function sampleIs(column: unknown[], type: 'number' | 'string'): boolean {
  return column.length === 0 || (typeof column[0] === type && typeof column[column.length - 1] === type);
}

/**
 * Checks the columnar shape without visiting all ~900k cells of a 100k fleet (that alone
 * costs a noticeable share of the map's 2 s first-paint budget): every column is present,
 * all have one entry per terminal, and the first and last cells have the right type.
 */
export const fleetMapSchema = z
  .record(z.string(), z.unknown())
  .superRefine((body, ctx) => {
    for (const name of [...NUMBER_COLUMNS, ...STRING_COLUMNS]) {
      const column = body[name];
      const type = (NUMBER_COLUMNS as readonly string[]).includes(name) ? 'number' : 'string';
      if (!Array.isArray(column) || !sampleIs(column, type)) {
        ctx.addIssue({ code: 'custom', path: [name], message: `must be an array of ${type}s` });
      } else if (column.length !== (body.ids as unknown[] | undefined)?.length) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'every column must have one entry per terminal',
        });
      }
    }
  })
  .transform((body) => body as unknown as FleetMapView);

export function getFleetMap(signal?: AbortSignal): Promise<FleetMapView> {
  return apiGet('/fleet/map', fleetMapSchema, { signal });
}

export const fleetMapQueryKey = ['fleet', 'map'] as const;

export function fleetMapQueryOptions() {
  return queryOptions({
    queryKey: fleetMapQueryKey,
    queryFn: ({ signal }) => getFleetMap(signal),
    // Pushes patch it; a slow refetch only catches terminals added meanwhile.
    refetchInterval: 120_000,
  });
}

export function useFleetMap() {
  return useQuery(fleetMapQueryOptions());
}
