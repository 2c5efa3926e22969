import { useMutation, useQueryClient } from '@tanstack/react-query';
import { alertViewSchema, type AlertView } from '@fleet/telemetry/api/alerts';
import { apiPost } from '../../../lib/api-client';
import { storeAlertChange } from './alert-cache';

/** `POST /alerts/{id}/assign {assignee}`: a user id. */
export function assignAlert(id: string, assignee: string): Promise<AlertView> {
  return apiPost(`/alerts/${encodeURIComponent(id)}/assign`, { assignee }, alertViewSchema);
}

export function useAssignAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['alerts', 'assign'],
    mutationFn: ({ id, assignee }: { id: string; assignee: string }) => assignAlert(id, assignee),
    onSuccess: (alert) => storeAlertChange(client, alert),
  });
}
