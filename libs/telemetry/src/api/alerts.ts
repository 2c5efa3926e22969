import { z } from 'zod';
import { CAUSE_CODES } from '../causes';
import { evidenceDataSchema } from './risk';

/**
 * Alerts (shared/PROTOCOL.md §2 `GET /alerts`, acknowledge, resolve) plus the optional
 * fields the dashboard and the notifications use. One definition for API, web and
 * notifications.
 */

export const ALERT_SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** One alert: per terminal and cause, or per incident (CARRIER_OUTAGE, HOST_MAINTENANCE). */
export const alertViewSchema = z.object({
  id: z.string(),
  code: z.enum(CAUSE_CODES),
  severity: z.enum(ALERT_SEVERITIES),
  state: z.enum(ALERT_STATES),
  terminalId: z.string().optional(),
  incidentId: z.string().optional(),
  openedAt: z.string(),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
  acknowledgeNote: z.string().optional(),
  resolvedAt: z.string().optional(),
  /** A username, or `system` when the cause went away by itself. */
  resolvedBy: z.string().optional(),
  resolveReason: z.string().optional(),
  /** A user id. */
  assignee: z.string().optional(),
  /** How many times the cause was raised: 1, plus one per reopening. */
  occurrences: z.number().int(),
  lastRaisedAt: z.string(),
  /** The numbers that raised it, in English words (the risk engine's evidence). */
  evidence: z.string(),
  evidenceData: evidenceDataSchema.optional(),
  recommendedAction: z.string(),
  /** The terminal's region, or the incident's. */
  region: z.string().optional(),
  merchantId: z.string().optional(),
  /** The incident's carrier. */
  mccMnc: z.string().optional(),
  /** Held back from notifications now: by a silence or a maintenance window (still listed). */
  silenced: z.boolean().optional(),
  /** The silence that holds it back. */
  silenceId: z.string().optional(),
  /** The maintenance window it lies in. */
  maintenanceWindowId: z.string().optional(),
});
export type AlertView = z.infer<typeof alertViewSchema>;

export const alertsResponseSchema = z.object({ items: z.array(alertViewSchema) });
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;

export const ALERT_CHANGE_KINDS = ['opened', 'reopened', 'acknowledged', 'resolved', 'assigned'] as const;
export type AlertChangeKind = (typeof ALERT_CHANGE_KINDS)[number];

/** Timeline kinds: the changes, and the escalation policy's reminders and steps (`detail.level`). */
export const ALERT_TIMELINE_KINDS = [...ALERT_CHANGE_KINDS, 'reminded', 'escalated'] as const;

/** One entry of an alert's timeline (`GET /alerts/{id}`). */
export const alertTimelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(ALERT_TIMELINE_KINDS),
  /** A username, or `system`. */
  actor: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AlertTimelineEntry = z.infer<typeof alertTimelineEntrySchema>;

export const alertDetailSchema = alertViewSchema.extend({ timeline: z.array(alertTimelineEntrySchema) });
export type AlertDetail = z.infer<typeof alertDetailSchema>;

/** `POST /alerts/acknowledge`: what was acknowledged, and why the other ids were not. */
export const bulkAcknowledgeResponseSchema = z.object({
  acknowledged: z.array(alertViewSchema),
  skipped: z.array(z.object({ id: z.string(), reason: z.enum(['not_found', 'not_open']) })),
});
export type BulkAcknowledgeResponse = z.infer<typeof bulkAcknowledgeResponseSchema>;

/** In-process event of the alerts module and the `alerts.changed` socket payload. */
export const alertChangeSchema = z.object({
  kind: z.enum(ALERT_CHANGE_KINDS),
  alert: alertViewSchema,
  /** Who made the change: a username, or `system` for the engine. */
  actor: z.string().optional(),
});
export type AlertChange = z.infer<typeof alertChangeSchema>;
