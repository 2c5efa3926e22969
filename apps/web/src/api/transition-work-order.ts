import {
  workOrderViewSchema,
  type WorkOrderTransitionRequest,
  type WorkOrderView,
} from '@fleet/telemetry/api/work-orders';
import { ApiError, apiPost } from '../lib/api-client';
import type { QueuedTransition, SendOutcome } from '../lib/offline/transition-queue';

/** `POST /work-orders/{id}/transition`, with the phone's `at` and `clientId` for idempotent replay. */
export function transitionWorkOrder(id: string, body: WorkOrderTransitionRequest): Promise<WorkOrderView> {
  return apiPost(`/work-orders/${encodeURIComponent(id)}/transition`, body, workOrderViewSchema);
}

/**
 * Sends one queued change. No answer, 401 (signed out meanwhile), 408, 429 and 5xx wait for
 * the next replay; any other refusal (409 illegal, 403, 404, 400) is final.
 */
export async function sendQueuedTransition(
  queued: QueuedTransition,
  onSent: (order: WorkOrderView) => void,
): Promise<SendOutcome> {
  try {
    const { workOrderId, ...body } = queued;
    onSent(await transitionWorkOrder(workOrderId, body));
    return { kind: 'sent' };
  } catch (error) {
    if (!(error instanceof ApiError)) return { kind: 'retry' };
    const { status } = error;
    if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500)
      return { kind: 'retry' };
    return { kind: 'refused', status, message: error.message };
  }
}
