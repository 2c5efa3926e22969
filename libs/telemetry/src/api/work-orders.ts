import { z } from 'zod';
import { CAUSE_CODES } from '../causes';
import { evidenceDataSchema } from './risk';

/**
 * Work orders (shared/PROTOCOL.md §2 `GET /work-orders`, `POST /work-orders/{id}/transition`)
 * plus the optional fields the technician's phone and support's dispatch board use. One
 * definition for the API, the web and the notifications.
 */

export const WORK_ORDER_STATES = [
  'new',
  'assigned',
  'accepted',
  'rejected',
  'en_route',
  'on_site',
  'resolved',
  'cannot_complete',
  'cancelled',
] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

/** The `to` of `POST /work-orders/{id}/transition`: the contract's six, and support's cancel. */
export const WORK_ORDER_TRANSITION_TARGETS = [
  'accepted',
  'rejected',
  'en_route',
  'on_site',
  'resolved',
  'cannot_complete',
  'cancelled',
] as const;
export type WorkOrderTransitionTarget = (typeof WORK_ORDER_TRANSITION_TARGETS)[number];

/** A repair visit, or paper delivered to the shop (its own order type, only when asked for). */
export const WORK_ORDER_KINDS = ['repair', 'paper_delivery'] as const;
export type WorkOrderKind = (typeof WORK_ORDER_KINDS)[number];

/** SLA classes: within 4 hours, next business day, within 5 business days (in shop hours). */
export const WORK_ORDER_PRIORITIES = ['urgent', 'next_business_day', 'standard'] as const;
export type WorkOrderPriority = (typeof WORK_ORDER_PRIORITIES)[number];

/** What the technician brings, from the cause. */
export const WORK_ORDER_PARTS = [
  'comm_module',
  'terminal_swap',
  'sim',
  'paper_rolls',
  'power_adapter',
  'antenna',
] as const;
export type WorkOrderPart = (typeof WORK_ORDER_PARTS)[number];

/** Where the order stands against its SLA now: `at_risk` before it is breached. */
export const WORK_ORDER_SLA_STATES = ['on_track', 'at_risk', 'breached', 'met'] as const;
export type WorkOrderSlaState = (typeof WORK_ORDER_SLA_STATES)[number];

/**
 * After `resolved`: `pending` until telemetry shows the cause gone (`confirmed`) or the
 * confirmation time ran out with it still there (`still_failing`: support is told).
 */
export const WORK_ORDER_CONFIRMATIONS = ['pending', 'confirmed', 'still_failing'] as const;
export type WorkOrderConfirmation = (typeof WORK_ORDER_CONFIRMATIONS)[number];

/** One timestamped, audited change of state. */
export const workOrderTransitionSchema = z.object({
  from: z.enum(WORK_ORDER_STATES),
  to: z.enum(WORK_ORDER_STATES),
  /** When it happened: the technician's own time for a change made offline and replayed. */
  at: z.string(),
  /** When the server recorded it. */
  recordedAt: z.string(),
  /** A username, or `system`. */
  actor: z.string(),
  reason: z.string().optional(),
});
export type WorkOrderTransition = z.infer<typeof workOrderTransitionSchema>;

/** One work order. `code`, `state`, `assignee`, `slaDueAt` and `parts` are the contract's. */
export const workOrderViewSchema = z.object({
  id: z.string(),
  terminalId: z.string(),
  code: z.enum(CAUSE_CODES),
  kind: z.enum(WORK_ORDER_KINDS),
  state: z.enum(WORK_ORDER_STATES),
  priority: z.enum(WORK_ORDER_PRIORITIES),
  /** The technician's user id. */
  assignee: z.string().optional(),
  assigneeName: z.string().optional(),
  slaDueAt: z.string(),
  slaState: z.enum(WORK_ORDER_SLA_STATES),
  parts: z.array(z.enum(WORK_ORDER_PARTS)),
  /** The alert it came from; none for one support made by hand. */
  alertId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A username, or `system` for the dispatch policy. */
  createdBy: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  merchantPhone: z.string().optional(),
  address: z.string().optional(),
  region: z.string(),
  lat: z.number(),
  lon: z.number(),
  model: z.string().optional(),
  comm: z.string().optional(),
  /** The shop's opening hours as learned from its traffic, e.g. `08:00–22:00`. */
  shopHours: z.string().optional(),
  /** The numbers behind the cause, in English words (the risk engine's evidence). */
  evidence: z.string(),
  evidenceData: evidenceDataSchema.optional(),
  recommendedAction: z.string(),
  /** Why it was rejected or could not be completed, or cancelled. */
  reason: z.string().optional(),
  confirmation: z.enum(WORK_ORDER_CONFIRMATIONS).optional(),
  transitions: z.array(workOrderTransitionSchema),
});
export type WorkOrderView = z.infer<typeof workOrderViewSchema>;

export const workOrdersResponseSchema = z.object({ items: z.array(workOrderViewSchema) });
export type WorkOrdersResponse = z.infer<typeof workOrdersResponseSchema>;

/**
 * `POST /work-orders/{id}/transition`. `at` and `clientId` let a phone replay changes made
 * offline: the server keeps `at` as the time of the change, and a `clientId` it has seen
 * before answers the order as it is instead of applying the change twice.
 */
export const workOrderTransitionRequestSchema = z.object({
  to: z.enum(WORK_ORDER_TRANSITION_TARGETS),
  reason: z.string().min(1).max(500).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  clientId: z.string().min(1).max(100).optional(),
});
export type WorkOrderTransitionRequest = z.infer<typeof workOrderTransitionRequestSchema>;

/**
 * Why a technician could not complete a visit: `reason` of a `cannot_complete` transition
 * must be one of these (optionally followed by `: ` and a note).
 */
export const CANNOT_COMPLETE_REASONS = [
  'merchant_closed',
  'no_access',
  'part_missing',
  'needs_terminal_swap',
  'merchant_refused',
  'fault_not_found',
  'other',
] as const;
export type CannotCompleteReason = (typeof CANNOT_COMPLETE_REASONS)[number];

/** `POST /work-orders`: support makes one by hand for any terminal, or asks for a paper delivery. */
export const createWorkOrderRequestSchema = z.strictObject({
  terminalId: z.string().min(1).max(64),
  kind: z.enum(WORK_ORDER_KINDS).default('repair'),
  /** The cause to fix; `PAPER_OUT` for a paper delivery. Default: the terminal's top cause, else `OFFLINE`. */
  code: z.enum(CAUSE_CODES).optional(),
  priority: z.enum(WORK_ORDER_PRIORITIES).optional(),
  /** Technician's user id; default: the best eligible technician. */
  assignee: z.uuid().optional(),
  note: z.string().trim().min(1).max(500).optional(),
});
export type CreateWorkOrderRequest = z.input<typeof createWorkOrderRequestSchema>;

/** `POST /work-orders/{id}/assign`: support hands the order to another technician. */
export const assignWorkOrderRequestSchema = z.strictObject({ assignee: z.uuid() });
export type AssignWorkOrderRequest = z.infer<typeof assignWorkOrderRequestSchema>;

/** `workOrders.changed` on the socket: one order after a change, to the rooms of its terminal. */
export const WORK_ORDER_CHANGE_KINDS = [
  'created',
  'assigned',
  'transitioned',
  'sla',
  'confirmation',
] as const;
export type WorkOrderChangeKind = (typeof WORK_ORDER_CHANGE_KINDS)[number];
export interface WorkOrderChange {
  kind: WorkOrderChangeKind;
  workOrder: WorkOrderView;
}

/** What support records about an alert before a visit is worth it (the dispatch policy reads them). */
export const SUPPORT_STEP_KINDS = ['merchant_contacted', 'remote_step', 'line_ok'] as const;
export type SupportStepKind = (typeof SUPPORT_STEP_KINDS)[number];

/** `POST /alerts/{id}/support-steps`. */
export const supportStepRequestSchema = z.strictObject({
  step: z.enum(SUPPORT_STEP_KINDS),
  note: z.string().trim().min(1).max(500).optional(),
});
export type SupportStepRequest = z.infer<typeof supportStepRequestSchema>;

export const supportStepViewSchema = z.object({
  id: z.string(),
  alertId: z.string(),
  terminalId: z.string(),
  step: z.enum(SUPPORT_STEP_KINDS),
  note: z.string().optional(),
  at: z.string(),
  by: z.string(),
});
export type SupportStepView = z.infer<typeof supportStepViewSchema>;

/** SIM causes are fixed remotely by support, never by a visit: top up the data, renew the plan. */
export const REMOTE_ACTION_KINDS = ['top_up', 'renew'] as const;
export type RemoteActionKind = (typeof REMOTE_ACTION_KINDS)[number];
export const REMOTE_ACTION_STATES = ['open', 'done'] as const;
export type RemoteActionState = (typeof REMOTE_ACTION_STATES)[number];

export const remoteActionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(REMOTE_ACTION_KINDS),
  state: z.enum(REMOTE_ACTION_STATES),
  terminalId: z.string(),
  code: z.enum(CAUSE_CODES),
  alertId: z.string(),
  merchantId: z.string().optional(),
  merchantName: z.string().optional(),
  region: z.string().optional(),
  /** The SIM's ICCID and carrier from its latest report, for the carrier's portal. */
  iccid: z.string().optional(),
  mccMnc: z.string().optional(),
  evidence: z.string(),
  createdAt: z.string(),
  doneAt: z.string().optional(),
  doneBy: z.string().optional(),
  note: z.string().optional(),
});
export type RemoteActionView = z.infer<typeof remoteActionViewSchema>;
export const remoteActionsResponseSchema = z.object({ items: z.array(remoteActionViewSchema) });
export type RemoteActionsResponse = z.infer<typeof remoteActionsResponseSchema>;

/** `POST /remote-actions/{id}/done`. */
export const remoteActionDoneRequestSchema = z.strictObject({
  note: z.string().trim().min(1).max(500).optional(),
});
