import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const auditPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().positive().optional(),
  actor: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(64).optional(),
});
export class AuditPageQueryDto extends createZodDto(auditPageQuerySchema) {}

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: z.number().nullable(),
});
export type AuditPageView = z.infer<typeof auditPageSchema>;
export class AuditPageDto extends createZodDto(auditPageSchema) {}
