import type { QueryClient } from '@tanstack/react-query';
import type { WorkOrderView, WorkOrdersResponse } from '@fleet/telemetry/api/work-orders';
import { OPEN_WORK_ORDER_STATES, workOrderQueryKey, workOrdersQueryKey } from './get-work-orders';

/**
 * Puts one order as the server now has it into every cached list and its detail: a socket
 * push or a transition's answer changes the screen without a refetch. An order no longer
 * open leaves the open lists; a new one joins them in SLA order.
 */
export function storeWorkOrder(client: QueryClient, order: WorkOrderView): void {
  client.setQueryData(workOrderQueryKey(order.id), order);
  const open = OPEN_WORK_ORDER_STATES.includes(order.state);
  client.setQueriesData<WorkOrdersResponse>({ queryKey: [...workOrdersQueryKey, 'list'] }, (list) => {
    if (!list) return list;
    const others = list.items.filter((item) => item.id !== order.id);
    const items = open ? [...others, order] : others;
    return { items: items.sort((a, b) => Date.parse(a.slaDueAt) - Date.parse(b.slaDueAt)) };
  });
}
