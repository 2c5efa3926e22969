import { useMutation, useQueryClient } from '@tanstack/react-query';
import { workOrderViewSchema, type WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { apiPost } from '../lib/api-client';
import { storeWorkOrder } from './work-order-cache';

/** `POST /work-orders/{id}/assign {assignee}`: support hands the order to another technician. */
export function assignWorkOrder(id: string, assignee: string): Promise<WorkOrderView> {
  return apiPost(`/work-orders/${encodeURIComponent(id)}/assign`, { assignee }, workOrderViewSchema);
}

export function useAssignWorkOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, assignee }: { id: string; assignee: string }) => assignWorkOrder(id, assignee),
    onSuccess: (order) => {
      storeWorkOrder(client, order);
      void client.invalidateQueries({ queryKey: ['dispatch', 'technicians'] });
    },
  });
}
