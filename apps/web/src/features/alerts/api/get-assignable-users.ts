import { useQuery } from '@tanstack/react-query';
import { userListSchema } from '@fleet/telemetry/api/users';
import { apiGet } from '../../../lib/api-client';

/** `GET /users`, only for a caller who may list users (the assignee select). */
export function useAssignableUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => apiGet('/users', userListSchema, { signal }),
    enabled,
    select: (list) => list.items.filter((user) => !user.disabled),
  });
}
