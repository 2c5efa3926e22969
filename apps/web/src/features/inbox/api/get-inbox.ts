import { queryOptions, useQuery } from '@tanstack/react-query';
import { inboxResponseSchema, type InboxResponse } from '@fleet/telemetry/api/notifications';
import { apiGet } from '../../../lib/api-client';

/** `GET /notifications/inbox`: the caller's own notices, newest first. */
export function getInbox(signal?: AbortSignal): Promise<InboxResponse> {
  return apiGet('/notifications/inbox', inboxResponseSchema, { signal });
}

export const inboxQueryKey = ['inbox', 'items'] as const;

export function useInbox(enabled: boolean) {
  return useQuery(
    queryOptions({ queryKey: inboxQueryKey, queryFn: ({ signal }) => getInbox(signal), enabled }),
  );
}
