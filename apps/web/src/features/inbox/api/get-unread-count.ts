import { useQuery } from '@tanstack/react-query';
import { unreadCountSchema, type UnreadCount } from '@fleet/telemetry/api/notifications';
import { apiGet } from '../../../lib/api-client';

/** `GET /notifications/inbox/unread-count`; `inbox.changed` pushes keep it current. */
export function getUnreadCount(signal?: AbortSignal): Promise<UnreadCount> {
  return apiGet('/notifications/inbox/unread-count', unreadCountSchema, { signal });
}

export const unreadCountQueryKey = ['inbox', 'unread-count'] as const;

export function useUnreadCount() {
  return useQuery({ queryKey: unreadCountQueryKey, queryFn: ({ signal }) => getUnreadCount(signal) });
}
