import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';

/**
 * The job a `#/tech/jobs/{id}` link opens: from the open list while it is there, else the
 * order fetched alone, so a job just marked fixed stays on screen with its confirmation
 * (resolved orders leave the open list). Only the technician's own.
 */
export function shownJob(
  listed: readonly WorkOrderView[],
  fetched: WorkOrderView | undefined,
  workOrderId: string | undefined,
  userId: string,
): WorkOrderView | undefined {
  if (workOrderId === undefined) return undefined;
  const open = listed.find((order) => order.id === workOrderId);
  if (open) return open;
  return fetched?.id === workOrderId && fetched.assignee === userId ? fetched : undefined;
}
