import { z } from 'zod';

/** How far the ingest has got (`GET /health` → ingest): see IngestWatermark in the API. */
export const ingestProgressSchema = z.object({
  /** How far behind the present the fleet's data has arrived. */
  behindSeconds: z.number().nonnegative(),
  /** Behind by over a minute: silence and outages are judged only up to what has arrived. */
  catchingUp: z.boolean(),
});

/** The simulated fleet of `npm start` (`GET /health` → demo, present only in the demo). */
export const demoStatusSchema = z.object({
  phase: z.enum(['starting', 'backfill', 'live', 'stopped', 'failed']),
  terminals: z.number().int().nonnegative(),
  backfillPublished: z.number().int().nonnegative(),
});
export type DemoStatus = z.infer<typeof demoStatusSchema>;
