import { SERIES_RANGES, type SeriesRange, type TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../../../lib/api-client';

const n = z.number().nullable();
export const terminalSeriesSchema = z.object({
  terminalId: z.string(),
  range: z.enum(SERIES_RANGES),
  bucketSeconds: z.number().positive(),
  from: z.string(),
  to: z.string(),
  signal: z.array(
    z.object({ t: z.string(), rsrpDbm: n, rsrqDb: n, sinrDb: n, csq: n, rssiDbm: n, wifiRssiDbm: n }),
  ),
  sim: z.array(z.object({ t: z.string(), dataBalanceMb: n })),
  txn: z.array(
    z.object({
      t: z.string(),
      approved: z.number(),
      declined: z.number(),
      timeouts: z.number(),
      reversals: z.number(),
      commErrors: z.number(),
    }),
  ),
  heartbeats: z.array(z.object({ t: z.string(), count: z.number() })),
  status: z.array(z.object({ t: z.string(), online: z.boolean(), reason: z.string().nullable() })),
  paper: z.array(z.object({ t: z.string(), status: z.string() })),
  events: z.array(z.object({ t: z.string(), code: z.string(), detail: z.string().nullable() })),
  forecast: z.object({ simZeroAt: z.string().nullable(), simExpiresAt: z.string().nullable() }),
});

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
