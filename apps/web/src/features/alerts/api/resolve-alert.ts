import { useMutation, useQueryClient } from '@tanstack/react-query';
import { alertViewSchema, type AlertView } from '@fleet/telemetry/api/alerts';
import { apiPost } from '../../../lib/api-client';
import { storeAlertChange } from './alert-cache';

/** `POST /alerts/{id}/resolve {reason}`: an empty reason is the API's 400 at `reason`. */
export function resolveAlert(id: string, reason: string): Promise<AlertView> {
  return apiPost(`/alerts/${encodeURIComponent(id)}/resolve`, { reason }, alertViewSchema);
}

export function useResolveAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['alerts', 'resolve'],
    mutationFn: ({ id, reason }: { id: string; reason: string }) => resolveAlert(id, reason),
    onSuccess: (alert) => storeAlertChange(client, alert),
  });
}
