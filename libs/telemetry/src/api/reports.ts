import { z } from 'zod';
import { CAUSE_CODES } from '../causes';

/**
 * The device-health report (issue #14, PROTOCOL.md §2 `GET /reports/device-health`): one
 * definition for the API's JSON, CSV and PDF, the subscriptions and the dashboard.
 */

export const REPORT_LOCALES = ['zh-CN', 'en'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/** The time zone a user gets when none was set. */
export const DEFAULT_REPORT_TIME_ZONE = 'Asia/Shanghai';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date like 2026-11-30')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'must be a real calendar date',
    },
  );

const merchantIds = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (Array.isArray(v) ? v : v.split(',')).map((id) => id.trim()).filter((id) => id.length > 0),
  )
  .pipe(z.array(z.string().max(100, 'at most 100 characters')).max(500, 'at most 500 merchants'));

/** At most this many days in one report. */
export const MAX_REPORT_DAYS = 366;

/** `GET /reports/device-health` query: `[from, to)` as dates in the caller's time zone. */
export const deviceHealthQuerySchema = z
  .object({
    merchantId: merchantIds.optional(),
    from: isoDate,
    to: isoDate,
    /** The language of the CSV headers and the PDF; the user's own when omitted. */
    locale: z.enum(REPORT_LOCALES, { message: 'one of zh-CN, en' }).optional(),
  })
  .refine((q) => q.to > q.from, { path: ['to'], message: 'must be after from' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= MAX_REPORT_DAYS, {
    path: ['to'],
    message: `at most ${MAX_REPORT_DAYS} days after from`,
  });
export type DeviceHealthQuery = z.output<typeof deviceHealthQuerySchema>;

/** Share of opening hours online, 0–1; null when the terminal had no opening hours or no data. */
const share = z.number().min(0).max(1).nullable();

export const reportPeriodSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  /** The instants the dates stand for in that zone. */
  startsAt: z.string(),
  endsAt: z.string(),
  /** The period of the same length just before, for the comparison. */
  previousFrom: z.string(),
  previousTo: z.string(),
});
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

export const terminalHealthSchema = z.object({
  terminalId: z.string(),
  merchantId: z.string().nullable(),
  merchantName: z.string().nullable(),
  model: z.string().nullable(),
  comm: z.string().nullable(),
  openMinutes: z.number(),
  onlineMinutes: z.number(),
  availability: share,
  previousAvailability: share,
  outages: z.number().int(),
  /** Opening-hour minutes lost to device faults (incidents and clean shutdowns apart). */
  faultMinutes: z.number(),
  approved: z.number().int(),
  declined: z.number().int(),
  timeouts: z.number().int(),
  reversals: z.number().int(),
  dataUsedMb: z.number().nullable(),
  dataBalanceMb: z.number().nullable(),
  simExpiresAt: z.string().nullable(),
  alerts: z.number().int(),
});
export type TerminalHealth = z.infer<typeof terminalHealthSchema>;

export const merchantHealthSchema = z.object({
  merchantId: z.string().nullable(),
  merchantName: z.string().nullable(),
  terminals: z.number().int(),
  availability: share,
  previousAvailability: share,
});

/** Where lost time went: a device cause, an incident, or the shop switching off. */
export const LOSS_KINDS = ['device', 'incident', 'shutdown'] as const;
export const LOSS_CAUSES = [...CAUSE_CODES, 'SHUTDOWN'] as const;
export type LossCause = (typeof LOSS_CAUSES)[number];

export const failureByCauseSchema = z.object({
  cause: z.enum(LOSS_CAUSES),
  kind: z.enum(LOSS_KINDS),
  outages: z.number().int(),
  terminals: z.number().int(),
  lostMinutes: z.number(),
});

export const reportIncidentSchema = z.object({
  id: z.string(),
  code: z.enum(['CARRIER_OUTAGE', 'HOST_MAINTENANCE']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  region: z.string().nullable(),
  mccMnc: z.string().nullable(),
  /** Of this report's terminals. */
  terminals: z.number().int(),
  lostMinutes: z.number(),
});

/** Transaction counts with their failure rate: one definition for a day of the trend and the period. */
const transactionCounts = {
  approved: z.number().int(),
  declined: z.number().int(),
  timeouts: z.number().int(),
  reversals: z.number().int(),
  /** Timeouts over attempts (approved + declined + timeouts): declines are the card's, not the link's. */
  failureRate: z.number().nullable(),
};

export const transactionDaySchema = z.object({
  /** Local date in the report's zone. */
  day: z.string(),
  ...transactionCounts,
});

export const transactionTotalsSchema = z.object({
  ...transactionCounts,
  previousFailureRate: z.number().nullable(),
  trend: z.array(transactionDaySchema),
});

export const simPlanSchema = z.object({
  terminalId: z.string(),
  merchantName: z.string().nullable(),
  iccid: z.string().nullable(),
  expiresAt: z.string(),
});

export const simUsageSchema = z.object({
  terminalId: z.string(),
  merchantName: z.string().nullable(),
  usedMb: z.number(),
  perDayMb: z.number(),
  /** At the period's burn rate, over the next 30 days. */
  forecast30dMb: z.number(),
  balanceMb: z.number().nullable(),
  /** Days until the balance reaches 0 at that rate; null when nothing is used. */
  daysLeft: z.number().nullable(),
});

export const simSectionSchema = z.object({
  usedMb: z.number(),
  forecast30dMb: z.number(),
  /** Heaviest users first. */
  topUsers: z.array(simUsageSchema),
  expiringIn30Days: z.array(simPlanSchema),
  expiringIn60Days: z.array(simPlanSchema),
});

export const eventCountSchema = z.object({
  alerts: z.number().int(),
  terminals: z.number().int(),
  hoursOpen: z.number(),
});

/** How fast alerts were answered: one definition for each cause and for all of them. */
const answerTimes = {
  meanAckMinutes: z.number().nullable(),
  meanResolveMinutes: z.number().nullable(),
  /** Alerts acknowledged and resolved within their severity's targets, of those that are due. */
  slaMet: z.number().int(),
  slaDue: z.number().int(),
};

export const alertCodeFiguresSchema = z.object({
  code: z.enum(CAUSE_CODES),
  count: z.number().int(),
  ...answerTimes,
});

export const alertFiguresSchema = z.object({
  total: z.number().int(),
  ...answerTimes,
  byCode: z.array(alertCodeFiguresSchema),
});

/** Filled once dispatch (work orders) exists; null until then. */
export const workOrderFiguresSchema = z.object({
  total: z.number().int(),
  resolved: z.number().int(),
  meanResolveMinutes: z.number().nullable(),
  slaMet: z.number().int(),
  slaDue: z.number().int(),
});
export type WorkOrderFigures = z.infer<typeof workOrderFiguresSchema>;

export const repeatOffenderSchema = z.object({
  terminalId: z.string(),
  merchantName: z.string().nullable(),
  outages: z.number().int(),
  alerts: z.number().int(),
  faultMinutes: z.number(),
  /** The most frequent device cause. */
  mainCause: z.enum(LOSS_CAUSES).nullable(),
});

export const RECOMMENDATION_CODES = [
  'REPLACE_2G',
  'RENEW_SIM',
  'TOP_UP_SIM',
  'REPLACE_COMM_MODULE',
  'SEND_PAPER',
  'CHECK_POWER',
  'AVAILABILITY_FELL',
  'INCIDENTS_NOT_DEVICES',
] as const;

export const recommendationSchema = z.object({
  code: z.enum(RECOMMENDATION_CODES),
  terminalIds: z.array(z.string()),
  text: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const deviceHealthReportSchema = z.object({
  period: reportPeriodSchema,
  generatedAt: z.string(),
  availability: z.object({
    overall: share,
    previous: share,
    openHours: z.number(),
    lostHours: z.number(),
  }),
  merchants: z.array(merchantHealthSchema),
  terminals: z.array(terminalHealthSchema),
  failures: z.array(failureByCauseSchema),
  incidents: z.array(reportIncidentSchema),
  transactions: transactionTotalsSchema,
  sim: simSectionSchema,
  paper: eventCountSchema,
  power: eventCountSchema,
  alerts: alertFiguresSchema,
  workOrders: workOrderFiguresSchema.nullable(),
  repeatOffenders: z.array(repeatOffenderSchema),
  recommendations: z.array(recommendationSchema),
});
export type DeviceHealthReport = z.infer<typeof deviceHealthReportSchema>;
