import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { unreadCountSchema, type UnreadCount } from '@fleet/telemetry/api/notifications';
import { apiPost } from '../../../lib/api-client';
import { inboxQueryKey } from './get-inbox';
import { unreadCountQueryKey } from './get-unread-count';

/** `POST /notifications/inbox/read {ids}`, or `…/read-all` for `'all'`. */
export function markInboxRead(ids: readonly string[] | 'all'): Promise<UnreadCount> {
  return ids === 'all'
    ? apiPost('/notifications/inbox/read-all', {}, unreadCountSchema)
    : apiPost('/notifications/inbox/read', { ids }, unreadCountSchema);
}

/** What an `inbox.changed` push or a read does: the new count, and the list fetched again. */
export function storeUnreadCount(client: QueryClient, count: UnreadCount): void {
  client.setQueryData(unreadCountQueryKey, count);
  void client.invalidateQueries({ queryKey: inboxQueryKey });
}

export function useMarkInboxRead() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['inbox', 'read'],
    mutationFn: (ids: readonly string[] | 'all') => markInboxRead(ids),
    onSuccess: (count) => storeUnreadCount(client, count),
  });
}
