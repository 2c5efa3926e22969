import {
  decodeFleetMap,
  FLEET_MAP_DICTIONARY_COLUMNS,
  FLEET_MAP_NUMBER_COLUMNS,
  type DictionaryColumn,
  type FleetMapPayload,
} from '@fleet/telemetry/api/fleet-map-codec';
import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../lib/api-client';

/**
 * `GET /fleet/map`: every visible terminal, columnar and dictionary-coded on the wire
 * (fleet-map-codec.ts), decoded into the view the map works with. Shared by the map and
 * the incident pages (features do not import each other), kept fresh by socket pushes.
 */
const isArrayOf = (column: unknown, type: 'number' | 'string'): column is unknown[] =>
  Array.isArray(column) &&
  (column.length === 0 || (typeof column[0] === type && typeof column[column.length - 1] === type));

/**
 * Checks the payload's shape without visiting all ~900k cells of a 100k fleet (that alone
 * costs a noticeable share of the map's 2 s first-paint budget): every column is present,
 * all have one entry per terminal, and the first and last cells have the right type.
 */
export const fleetMapSchema = z
  .record(z.string(), z.unknown())
  .superRefine((body, ctx) => {
    const count = Array.isArray(body.ids) ? body.ids.length : undefined;
    const check = (path: string[], column: unknown, type: 'number' | 'string') => {
      if (!isArrayOf(column, type)) {
        ctx.addIssue({ code: 'custom', path, message: `must be an array of ${type}s` });
      } else if (count !== undefined && path.at(-1) !== 'values' && column.length !== count) {
        ctx.addIssue({ code: 'custom', path, message: 'every column must have one entry per terminal' });
      }
    };
    check(['ids'], body.ids, 'string');
    check(['merchantId'], body.merchantId, 'string');
    for (const name of FLEET_MAP_NUMBER_COLUMNS) check([name], body[name], 'number');
    for (const name of FLEET_MAP_DICTIONARY_COLUMNS) {
      const column = body[name] as Partial<DictionaryColumn> | undefined;
      check([name, 'values'], column?.values, 'string');
      check([name, 'index'], column?.index, 'number');
    }
  })
  .transform((body) => decodeFleetMap(body as unknown as FleetMapPayload));

export function getFleetMap(signal?: AbortSignal): Promise<FleetMapView> {
  return apiGet('/fleet/map', fleetMapSchema, { signal });
}

export const fleetMapQueryKey = ['fleet', 'map'] as const;

export function fleetMapQueryOptions() {
  return queryOptions({
    queryKey: fleetMapQueryKey,
    queryFn: ({ signal }) => getFleetMap(signal),
    // Pushes patch it; a slow refetch only catches terminals added meanwhile. Fresh for a
    // minute, so the page mounting right after the prefetch does not fetch 100k points twice.
    staleTime: 60_000,
    refetchInterval: 120_000,
  });
}

export function useFleetMap() {
  return useQuery(fleetMapQueryOptions());
}
