import { useMutation, useQueryClient } from '@tanstack/react-query';
import { alertViewSchema, type AlertView } from '@fleet/telemetry/api/alerts';
import { apiPost } from '../../../lib/api-client';
import { storeAlertChange } from './alert-cache';

/** `POST /alerts/{id}/acknowledge {note?}`: "I have it"; a 409 when it is no longer open. */
export function acknowledgeAlert(id: string, note?: string): Promise<AlertView> {
  return apiPost(`/alerts/${encodeURIComponent(id)}/acknowledge`, note ? { note } : {}, alertViewSchema);
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['alerts', 'acknowledge'],
    mutationFn: ({ id, note }: { id: string; note?: string }) => acknowledgeAlert(id, note),
    onSuccess: (alert) => storeAlertChange(client, alert),
  });
}
