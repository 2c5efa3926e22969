import { CAUSE_CODES } from '@fleet/telemetry/causes';
import { terminalIdSchema } from '@fleet/telemetry/api/terminals';
import { z } from 'zod';

export const AT_RISK_DEFAULT_LIMIT = 200;
export const AT_RISK_MAX_LIMIT = 5000;

/** GET /terminals/at-risk query: `limit` (1–5000, default 200) and an optional `cause` code. */
export const atRiskQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(AT_RISK_MAX_LIMIT).default(AT_RISK_DEFAULT_LIMIT),
  cause: z.enum(CAUSE_CODES).optional(),
});
export type AtRiskQueryInput = z.output<typeof atRiskQuerySchema>;

/** POST /terminals/{terminalId}/contact body. */
export const contactSchema = z.object({ note: z.string().trim().max(500).optional() }).default({});
export type ContactInput = z.output<typeof contactSchema>;

export const terminalIdParamSchema = z.object({ terminalId: terminalIdSchema });
