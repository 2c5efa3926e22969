import { useQuery } from '@tanstack/react-query';
import { terminalStateViewSchema } from '@fleet/telemetry/api/terminals';
import type { z } from 'zod';
import { apiGet } from '../lib/api-client';

/** The part of `GET /terminals/{id}` a technician reads before a visit: link, signal, SIM, paper. */
export const terminalReadingsSchema = terminalStateViewSchema.pick({
  terminalId: true,
  online: true,
  lastSeenAt: true,
  signal: true,
  sim: true,
  paper: true,
});
export type TerminalReadings = z.infer<typeof terminalReadingsSchema>;

export function useTerminalReadings(terminalId: string) {
  return useQuery({
    queryKey: ['terminal', terminalId, 'readings'],
    queryFn: ({ signal }) =>
      apiGet(`/terminals/${encodeURIComponent(terminalId)}`, terminalReadingsSchema, { signal }),
  });
}
