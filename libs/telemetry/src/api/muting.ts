import { z } from 'zod';
import { CAUSE_CODES } from '../causes';

/**
 * Silences, maintenance windows and shop hours (issue #12): what holds alert notifications
 * back. A muted alert is still opened and listed; nobody is told of it. One definition for
 * the API and the web.
 */

/** The fleet's time zone. China has kept UTC+8 without daylight saving since 1991. */
export const FLEET_TIME_ZONE = 'Asia/Shanghai';

const label = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');
const instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO date-time like 2026-12-06T22:00:00+08:00',
});
/** A local time of day, 24-hour `HH:MM`. */
export const localTimeSchema = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time of day like 09:00 or 22:30');

/** Alertmanager-style matchers: every one given must equal the alert's. */
export const silenceMatchersSchema = z
  .strictObject({
    code: z.enum(CAUSE_CODES, { message: `one of ${CAUSE_CODES.join(', ')}` }).optional(),
    terminalId: label.optional(),
    region: label.optional(),
    mccMnc: z
      .string()
      .regex(/^\d{5,6}$/, 'must be 5 or 6 digits')
      .optional(),
    merchantId: label.optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), {
    message: 'give at least one of code, terminalId, region, mccMnc, merchantId',
  });
export type SilenceMatchers = z.infer<typeof silenceMatchersSchema>;

/** `POST /silences`. */
export const createSilenceSchema = z
  .strictObject({
    matchers: silenceMatchersSchema,
    /** Now when omitted. */
    startsAt: instant.optional(),
    endsAt: instant,
    comment: z.string().trim().min(1, 'say why').max(500, 'at most 500 characters'),
  })
  .refine((s) => s.startsAt === undefined || Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });
export type CreateSilenceInput = z.infer<typeof createSilenceSchema>;

export const MUTING_STATES = ['pending', 'active', 'expired'] as const;

export const silenceViewSchema = z.object({
  id: z.string(),
  matchers: z.object({
    code: z.enum(CAUSE_CODES).optional(),
    terminalId: z.string().optional(),
    region: z.string().optional(),
    mccMnc: z.string().optional(),
    merchantId: z.string().optional(),
  }),
  startsAt: z.string(),
  endsAt: z.string(),
  comment: z.string(),
  /** The username that made it. */
  createdBy: z.string(),
  createdAt: z.string(),
  /** Against the platform's clock when answered. */
  state: z.enum(MUTING_STATES),
});
export type SilenceView = z.infer<typeof silenceViewSchema>;
export const silencesResponseSchema = z.object({ items: z.array(silenceViewSchema) });
export type SilencesResponse = z.infer<typeof silencesResponseSchema>;

/** Where a maintenance window applies: every one given must match (at least one). */
export const maintenanceScopeSchema = z
  .strictObject({
    region: label.optional(),
    mccMnc: z
      .string()
      .regex(/^\d{5,6}$/, 'must be 5 or 6 digits')
      .optional(),
    merchantId: label.optional(),
    terminalId: label.optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), {
    message: 'give at least one of region, mccMnc, merchantId, terminalId',
  });
export type MaintenanceScope = z.infer<typeof maintenanceScopeSchema>;

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const weekdaySchema = z
  .number()
  .int()
  .min(1, '1 (Monday) to 7 (Sunday)')
  .max(7, '1 (Monday) to 7 (Sunday)');

/** One-off from start to end, or every given weekday at a local start time (Asia/Shanghai) for a duration. */
export const maintenanceScheduleSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('once'), startsAt: instant, endsAt: instant })
    .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
      path: ['endsAt'],
      message: 'must be after startsAt',
    }),
  z.strictObject({
    kind: z.literal('weekly'),
    days: z.array(weekdaySchema).min(1, 'at least one weekday').max(7),
    /** Local time in Asia/Shanghai. */
    start: localTimeSchema,
    /** Up to a week; a window may run past midnight. */
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
]);
export type MaintenanceSchedule = z.infer<typeof maintenanceScheduleSchema>;

/** `POST /maintenance-windows`, and `PUT /maintenance-windows/{id}`, which replaces all three. */
export const createMaintenanceWindowSchema = z.strictObject({
  scope: maintenanceScopeSchema,
  schedule: maintenanceScheduleSchema,
  comment: z.string().trim().min(1, 'say why').max(500, 'at most 500 characters'),
});
export type CreateMaintenanceWindowInput = z.infer<typeof createMaintenanceWindowSchema>;

export const maintenanceWindowViewSchema = z.object({
  id: z.string(),
  scope: z.object({
    region: z.string().optional(),
    mccMnc: z.string().optional(),
    merchantId: z.string().optional(),
    terminalId: z.string().optional(),
  }),
  schedule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('once'), startsAt: z.string(), endsAt: z.string() }),
    z.object({
      kind: z.literal('weekly'),
      days: z.array(z.number().int()),
      start: z.string(),
      durationMinutes: z.number().int(),
    }),
  ]),
  comment: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** In a window now, by the platform's clock. */
  activeNow: z.boolean(),
  /** The occurrence in effect now, or else the next one; null when none is to come (a one-off that is over). */
  nextOccurrence: z.object({ startsAt: z.string(), endsAt: z.string() }).nullable(),
});
export type MaintenanceWindowView = z.infer<typeof maintenanceWindowViewSchema>;
export const maintenanceWindowsResponseSchema = z.object({ items: z.array(maintenanceWindowViewSchema) });
export type MaintenanceWindowsResponse = z.infer<typeof maintenanceWindowsResponseSchema>;

/**
 * Optional addition to the terminal import: the shop's opening hours, local time in
 * Asia/Shanghai. `close` before `open` runs past midnight (a night shop, 18:00–02:00).
 */
export const shopHoursSchema = z
  .strictObject({ open: localTimeSchema, close: localTimeSchema })
  .refine((h) => h.open !== h.close, { path: ['close'], message: 'must differ from open' });
export type ShopHours = z.infer<typeof shopHoursSchema>;
