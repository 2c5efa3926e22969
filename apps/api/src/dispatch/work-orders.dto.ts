import { WORK_ORDER_STATES } from '@fleet/telemetry/api/work-orders';
import { z } from 'zod';

/** GET /work-orders query: one or more states (comma-separated), every state when omitted. */
export const listWorkOrdersQuerySchema = z.object({
  state: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === '' ? [] : value.split(',')))
    .pipe(z.array(z.enum(WORK_ORDER_STATES, { message: `each one of ${WORK_ORDER_STATES.join(', ')}` }))),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type ListWorkOrdersQuery = z.output<typeof listWorkOrdersQuerySchema>;

export const workOrderIdParamSchema = z.object({ id: z.uuid({ message: 'must be a work order id (UUID)' }) });
