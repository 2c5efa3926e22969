import { contactViewSchema, type AtRiskResponse } from '@fleet/telemetry/api/risk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { atRiskQueryKey } from './get-at-risk';

export type ContactMarker = NonNullable<AtRiskResponse['items'][number]['contact']>;

/** `POST /terminals/{id}/contact`: tells every other agent this shop has been called. */
export function markContacted(terminalId: string, note?: string): Promise<ContactMarker> {
  return apiPost(
    `/terminals/${encodeURIComponent(terminalId)}/contact`,
    note ? { note } : {},
    contactViewSchema,
  );
}

export const markContactedMutationKey = ['risk', 'contact'] as const;

export function useMarkContacted() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: markContactedMutationKey,
    mutationFn: ({ terminalId, note }: { terminalId: string; note?: string }) =>
      markContacted(terminalId, note),
    onSuccess: (contact, { terminalId }) => {
      queryClient.setQueryData<AtRiskResponse>(atRiskQueryKey, (queue) =>
        queue
          ? { ...queue, items: queue.items.map((i) => (i.terminalId === terminalId ? { ...i, contact } : i)) }
          : queue,
      );
    },
  });
}
