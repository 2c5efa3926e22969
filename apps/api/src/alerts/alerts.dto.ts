import { ALERT_STATES } from '@fleet/telemetry/api/alerts';
import { z } from 'zod';

/** GET /alerts query: one state, or every state when omitted; newest first. */
export const listAlertsQuerySchema = z.object({
  state: z.enum(ALERT_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type ListAlertsQuery = z.output<typeof listAlertsQuerySchema>;

export const alertIdParamSchema = z.object({ id: z.uuid() });

const note = z.string().trim().max(500);

/** POST /alerts/{id}/acknowledge body. */
export const acknowledgeSchema = z.strictObject({ note: note.optional() }).default({});
export type AcknowledgeInput = z.output<typeof acknowledgeSchema>;

/** POST /alerts/{id}/resolve body: a reason is required. */
export const resolveSchema = z.strictObject({ reason: note.min(1) });
export type ResolveInput = z.output<typeof resolveSchema>;

/** POST /alerts/{id}/assign body: a user id. */
export const assignSchema = z.strictObject({ assignee: z.uuid() });
export type AssignInput = z.output<typeof assignSchema>;

/** POST /alerts/acknowledge body: up to 1000 alerts at once (a storm). */
export const bulkAcknowledgeSchema = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(1000),
  note: note.optional(),
});
export type BulkAcknowledgeInput = z.output<typeof bulkAcknowledgeSchema>;
