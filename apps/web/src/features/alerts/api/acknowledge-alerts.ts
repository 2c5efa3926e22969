import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bulkAcknowledgeResponseSchema, type BulkAcknowledgeResponse } from '@fleet/telemetry/api/alerts';
import { apiPost } from '../../../lib/api-client';
import { storeAlertChange } from './alert-cache';
import { alertListsQueryKey } from './get-alerts';

/** `POST /alerts/acknowledge {ids, note?}`: many at once during a storm; the rest come back as skipped. */
export function acknowledgeAlerts(ids: readonly string[], note?: string): Promise<BulkAcknowledgeResponse> {
  return apiPost('/alerts/acknowledge', note ? { ids, note } : { ids }, bulkAcknowledgeResponseSchema);
}

export function useAcknowledgeAlerts() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['alerts', 'acknowledge-many'],
    mutationFn: ({ ids, note }: { ids: readonly string[]; note?: string }) => acknowledgeAlerts(ids, note),
    onSuccess: ({ acknowledged, skipped }) => {
      for (const alert of acknowledged) storeAlertChange(client, alert);
      // A skipped alert changed elsewhere (taken by someone else, or gone): read the lists again.
      if (skipped.length > 0) void client.invalidateQueries({ queryKey: alertListsQueryKey });
    },
  });
}
