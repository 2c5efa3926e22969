import { terminalStateViewSchema, type TerminalStateView } from '@fleet/telemetry/api/terminals';
import { queryOptions, useQuery, type QueryKey } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export function getTerminal(terminalId: string, signal?: AbortSignal): Promise<TerminalStateView> {
  return apiGet(`/terminals/${encodeURIComponent(terminalId)}`, terminalStateViewSchema, { signal });
}

export const terminalQueryKey = (terminalId: string) => ['terminal', terminalId, 'state'] as const;

/** Whether `queryKey` is the cached state of one of `terminalIds`: a whole push batch in one cache pass. */
export function isTerminalStateOf(terminalIds: ReadonlySet<string>, queryKey: QueryKey): boolean {
  const [scope, terminalId, part] = queryKey;
  return scope === 'terminal' && part === 'state' && terminalIds.has(terminalId as string);
}

export function terminalQueryOptions(terminalId: string) {
  return queryOptions({
    queryKey: terminalQueryKey(terminalId),
    queryFn: ({ signal }) => getTerminal(terminalId, signal),
    refetchInterval: 60_000,
  });
}

export function useTerminal(terminalId: string) {
  return useQuery(terminalQueryOptions(terminalId));
}
