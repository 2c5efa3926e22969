import { useQuery } from '@tanstack/react-query';
import { userListSchema, type UserList } from '@fleet/telemetry/api/users';
import { apiGet } from '../../../lib/api-client';

/** `GET /users` (admin): the people a rule may name, by username. */
export function getUserChoices(signal?: AbortSignal): Promise<UserList> {
  return apiGet('/users', userListSchema, { signal });
}

export function useUserChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['alert-rule-users'],
    queryFn: ({ signal }) => getUserChoices(signal),
    enabled,
  });
}
