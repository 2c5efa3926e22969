import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import type { QueuedTransition } from './transition-queue';

/**
 * The order as the technician left it: the server's view with the changes still waiting
 * laid over it, so a job moved offline shows its new state at once.
 */
export function applyPending(order: WorkOrderView, pending: readonly QueuedTransition[]): WorkOrderView {
  const mine = pending.filter((item) => item.workOrderId === order.id);
  const last = mine.at(-1);
  if (!last) return order;
  return { ...order, state: last.to, ...(last.reason ? { reason: last.reason } : {}) };
}
