import { z } from 'zod';
import { ingestCountersSchema } from './fleet';

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

/** `GET /health`: 200 with `ok` once the database and broker answer, 503 `degraded` otherwise. */
export const healthViewSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    reachable: z.boolean(),
    mode: z.enum(['timescale', 'postgres']),
    driver: z.enum(['pg', 'embedded']),
  }),
  // The broker block differs between the embedded and an external broker; shown as-is.
  broker: z.record(z.string(), z.unknown()).optional(),
  ingest: ingestCountersSchema.extend(ingestProgressSchema.shape).optional(),
  demo: demoStatusSchema.optional(),
});
export type HealthView = z.infer<typeof healthViewSchema>;
