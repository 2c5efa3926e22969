import { terminalSeriesSchema, type SeriesRange, type TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export function getTerminalSeries(
  terminalId: string,
  range: SeriesRange,
  signal?: AbortSignal,
): Promise<TerminalSeriesView> {
  return apiGet(`/terminals/${encodeURIComponent(terminalId)}/series?range=${range}`, terminalSeriesSchema, {
    signal,
  });
}

export const terminalSeriesQueryKey = (terminalId: string, range: SeriesRange) =>
  ['terminal', terminalId, 'series', range] as const;

export function terminalSeriesQueryOptions(terminalId: string, range: SeriesRange) {
  return queryOptions({
    queryKey: terminalSeriesQueryKey(terminalId, range),
    queryFn: ({ signal }) => getTerminalSeries(terminalId, range, signal),
    refetchInterval: 120_000,
    placeholderData: keepPreviousData,
  });
}

export function useTerminalSeries(terminalId: string, range: SeriesRange) {
  return useQuery(terminalSeriesQueryOptions(terminalId, range));
}
