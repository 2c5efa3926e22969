import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  workOrdersResponseSchema,
  workOrderViewSchema,
  WORK_ORDER_STATES,
  type WorkOrderState,
  type WorkOrderView,
  type WorkOrdersResponse,
} from '@fleet/telemetry/api/work-orders';
import { apiGet } from '../lib/api-client';

/** Orders someone still has to act on (all but the final states): the phone's jobs and the board's open orders. */
export const OPEN_WORK_ORDER_STATES: readonly WorkOrderState[] = WORK_ORDER_STATES.filter(
  (state) => state !== 'resolved' && state !== 'cancelled',
);

export const workOrdersQueryKey = ['work-orders'] as const;
const openListKey = [...workOrdersQueryKey, 'list', 'open'] as const;
export const workOrderQueryKey = (id: string) => [...workOrdersQueryKey, 'detail', id] as const;

/** `GET /work-orders?state=…`: the caller's open orders (a technician: its own and its regions'), soonest SLA first. */
export function getOpenWorkOrders(signal?: AbortSignal): Promise<WorkOrdersResponse> {
  return apiGet(`/work-orders?state=${OPEN_WORK_ORDER_STATES.join(',')}`, workOrdersResponseSchema, {
    signal,
  });
}

export function openWorkOrdersQueryOptions() {
  return queryOptions({ queryKey: openListKey, queryFn: ({ signal }) => getOpenWorkOrders(signal) });
}

export function useOpenWorkOrders() {
  return useQuery(openWorkOrdersQueryOptions());
}

/** `GET /work-orders/{id}` with its transitions. */
export function getWorkOrder(id: string, signal?: AbortSignal): Promise<WorkOrderView> {
  return apiGet(`/work-orders/${encodeURIComponent(id)}`, workOrderViewSchema, { signal });
}

export function useWorkOrder(id: string, enabled = true) {
  return useQuery({
    queryKey: workOrderQueryKey(id),
    queryFn: ({ signal }) => getWorkOrder(id, signal),
    enabled,
  });
}
