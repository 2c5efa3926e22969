import { terminalListViewSchema, terminalStateViewSchema } from '@fleet/telemetry/api/terminals';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../../../lib/api-client';
import { FLEET_REFRESH_MS } from './refresh';

/** The fields of a terminal this page reads. */
export const terminalListItemSchema = terminalStateViewSchema.pick({
  terminalId: true,
  merchantName: true,
  region: true,
  comm: true,
  online: true,
  lastSeenAt: true,
  registered: true,
  riskScore: true,
});
export type TerminalListItem = z.infer<typeof terminalListItemSchema>;

export const terminalPageSchema = terminalListViewSchema.pick({ total: true }).extend({
  items: z.array(terminalListItemSchema),
});
export type TerminalPage = z.infer<typeof terminalPageSchema>;

export interface TerminalPageParams {
  page: number;
  pageSize: number;
  search?: string;
}

export function getTerminals(
  { page, pageSize, search }: TerminalPageParams,
  signal?: AbortSignal,
): Promise<TerminalPage> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (search) query.set('search', search);
  return apiGet(`/terminals?${query.toString()}`, terminalPageSchema, { signal });
}

/** Every page of the list, e.g. to refetch whatever page is on screen. */
export const allTerminalsQueryKey = ['fleet', 'terminals'] as const;

export const terminalsQueryKey = (params: TerminalPageParams) => [...allTerminalsQueryKey, params] as const;

export function terminalsQueryOptions(params: TerminalPageParams) {
  return queryOptions({
    queryKey: terminalsQueryKey(params),
    queryFn: ({ signal }) => getTerminals(params, signal),
    refetchInterval: FLEET_REFRESH_MS,
    // Keep the table on screen while the next page or refresh loads.
    placeholderData: keepPreviousData,
  });
}

export function useTerminals(params: TerminalPageParams) {
  return useQuery(terminalsQueryOptions(params));
}
