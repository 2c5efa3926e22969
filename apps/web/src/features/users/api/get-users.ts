import { queryOptions, useQuery } from '@tanstack/react-query';
import { userListSchema, type UserList } from '@fleet/telemetry/api/users';
import { apiGet } from '../../../lib/api-client';

/** `GET /users` (admin): every user, by username. */
export function getUsers(signal?: AbortSignal): Promise<UserList> {
  return apiGet('/users', userListSchema, { signal });
}

export const usersQueryKey = ['users'] as const;

export function usersQueryOptions() {
  return queryOptions({ queryKey: usersQueryKey, queryFn: ({ signal }) => getUsers(signal) });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}
