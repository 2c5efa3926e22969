import { z } from 'zod';
import { REPORT_LOCALES } from './reports';

/**
 * Scheduled device-health reports (issue #14): `GET /reports/subscriptions`,
 * `PUT` / `DELETE /reports/subscriptions/{cadence}`, `GET /reports/archive` and
 * `GET /reports/archive/{id}`; and the user's time zone the schedule runs in.
 */

/** Weekly: the previous Monday–Sunday, made Monday 08:00; monthly: the previous month, made the 1st 08:00. */
export const REPORT_CADENCES = ['weekly', 'monthly'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

export const reportCadenceSchema = z.enum(REPORT_CADENCES, { message: 'one of weekly, monthly' });

/** Whether this runtime knows `zone` as an IANA time zone (`Asia/Shanghai`, `UTC`). */
export function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone, stored as the runtime spells it (`asia/shanghai` becomes `Asia/Shanghai`). */
export const timeZoneSchema = z
  .string()
  .max(64, 'at most 64 characters')
  .refine(isIanaTimeZone, 'must be an IANA time zone like Asia/Shanghai')
  .transform((zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);

/** `GET` / `PUT /users/me/time-zone`. */
export const myTimeZoneSchema = z.object({ timeZone: timeZoneSchema }).strict();
export type MyTimeZone = z.output<typeof myTimeZoneSchema>;

/** `PUT /reports/subscriptions/{cadence}` body; absent fields take their defaults. */
export const reportSubscriptionInputSchema = z
  .object({
    /** Narrows the report to these merchants (within the caller's scope); null or absent: all in scope. */
    merchantIds: z
      .array(z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters'))
      .min(1, 'at least one merchant id, or null for all')
      .max(500, 'at most 500 merchants')
      .nullable()
      .default(null),
    /** The report is always a PDF; true attaches the CSV as well. */
    attachCsv: z.boolean({ message: 'must be true or false' }).default(false),
    /** The language of the report and the mail; null or absent: the user's own. */
    locale: z.enum(REPORT_LOCALES, { message: 'one of zh-CN, en' }).nullable().default(null),
  })
  .strict();
export type ReportSubscriptionInput = z.output<typeof reportSubscriptionInputSchema>;

export const reportSubscriptionSchema = z.object({
  cadence: reportCadenceSchema,
  merchantIds: z.array(z.string()).nullable(),
  format: z.literal('pdf'),
  attachCsv: z.boolean(),
  locale: z.enum(REPORT_LOCALES).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the next report is made, in the user's time zone as it is set now. */
  nextRunAt: z.string(),
});
export type ReportSubscription = z.infer<typeof reportSubscriptionSchema>;

export const reportSubscriptionListSchema = z.object({ items: z.array(reportSubscriptionSchema) });
export type ReportSubscriptionList = z.infer<typeof reportSubscriptionListSchema>;

/** One delivered report of the caller's archive. */
export const archivedReportSchema = z.object({
  id: z.string(),
  cadence: reportCadenceSchema,
  /** Local dates `[from, to)` in `timeZone`. */
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  locale: z.enum(REPORT_LOCALES),
  generatedAt: z.string(),
  pdfBytes: z.number().int(),
  /** Null when no CSV was attached. */
  csvBytes: z.number().int().nullable(),
});
export type ArchivedReport = z.infer<typeof archivedReportSchema>;

export const archivedReportListSchema = z.object({ items: z.array(archivedReportSchema) });
export type ArchivedReportList = z.infer<typeof archivedReportListSchema>;

/** `GET /reports/archive/{id}?format=csv`: the PDF when omitted. */
export const archiveFileQuerySchema = z
  .object({ format: z.enum(['pdf', 'csv'], { message: 'one of pdf, csv' }).default('pdf') })
  .strict();
export type ArchiveFileQuery = z.output<typeof archiveFileQuerySchema>;
