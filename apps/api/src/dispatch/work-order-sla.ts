import type { WorkOrderPriority, WorkOrderSlaState, WorkOrderState } from '@fleet/telemetry/api/work-orders';
import type { SlaOptions } from './dispatch-options';
import type { WorkingCalendar } from './working-calendar';

const HOUR = 3_600_000;

/**
 * When an order of this priority made at `createdAt` is due, in the merchant's working
 * time: `urgent` after `urgentHours` of it, `next_business_day` at the close of the next
 * business day, `standard` at the close of the `standardBusinessDays`-th.
 */
export function slaDueAt(
  priority: WorkOrderPriority,
  createdAt: number,
  calendar: WorkingCalendar,
  options: SlaOptions,
): number {
  switch (priority) {
    case 'urgent':
      return calendar.addWorkingTime(createdAt, options.urgentHours * HOUR);
    case 'next_business_day':
      return calendar.endOfBusinessDay(createdAt, 1);
    case 'standard':
      return calendar.endOfBusinessDay(createdAt, options.standardBusinessDays);
  }
}

export interface SlaFacts {
  state: WorkOrderState;
  createdAt: number;
  dueAt: number;
  /** When it was resolved (or cancelled): the SLA is judged then. */
  closedAt?: number;
}

/**
 * Where the order stands: `met` if resolved by its due time; `breached` once past it;
 * `at_risk` once less than `atRiskRemainingFraction` of its working time is left;
 * else `on_track`. A cancelled order keeps the state it had when cancelled.
 */
export function slaState(
  order: SlaFacts,
  now: number,
  calendar: WorkingCalendar,
  options: SlaOptions,
): WorkOrderSlaState {
  const at = order.closedAt ?? now;
  if (order.state === 'resolved') return at <= order.dueAt ? 'met' : 'breached';
  if (at > order.dueAt) return 'breached';
  const total = calendar.workingTimeBetween(order.createdAt, order.dueAt);
  const left = calendar.workingTimeBetween(at, order.dueAt);
  return left < options.atRiskRemainingFraction * total ? 'at_risk' : 'on_track';
}
