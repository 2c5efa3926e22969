import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../lib/api-client';

const reading = z.record(z.string(), z.unknown()).nullable();

/** The part of `GET /terminals/{id}` a technician reads before a visit: link, signal, SIM, paper. */
export const terminalReadingsSchema = z.object({
  terminalId: z.string(),
  online: z.boolean().nullable(),
  lastSeenAt: z.string().nullable(),
  signal: reading,
  sim: reading,
  paper: reading,
});
export type TerminalReadings = z.infer<typeof terminalReadingsSchema>;

export function useTerminalReadings(terminalId: string) {
  return useQuery({
    queryKey: ['terminal', terminalId, 'readings'],
    queryFn: ({ signal }) =>
      apiGet(`/terminals/${encodeURIComponent(terminalId)}`, terminalReadingsSchema, { signal }),
  });
}
