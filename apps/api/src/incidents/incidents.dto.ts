import { z } from 'zod';

/** GET /incidents query: open ones by default, or all (ended ones stay queryable). */
export const listIncidentsQuerySchema = z.object({
  status: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ListIncidentsQuery = z.output<typeof listIncidentsQuerySchema>;

export const incidentIdParamSchema = z.object({ id: z.string().min(1).max(200) });
