import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userViewSchema, type UserList, type UserView } from '@fleet/telemetry/api/users';
import { apiPatch } from '../../../lib/api-client';
import type { NewUser } from './create-user';
import { usersQueryKey } from './get-users';

/** What an admin may change; absent fields stay as they are. */
export type UserPatch = Partial<Omit<NewUser, 'username'> & { disabled: boolean }>;

/** `PATCH /users/{id}` (admin): edit, disable/enable or reset the password. */
export function updateUser(id: string, patch: UserPatch): Promise<UserView> {
  return apiPatch(`/users/${encodeURIComponent(id)}`, patch, userViewSchema);
}

export const updateUserMutationKey = ['users', 'update'] as const;

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: updateUserMutationKey,
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => updateUser(id, patch),
    onSuccess: (user) => {
      queryClient.setQueryData<UserList>(usersQueryKey, (list) =>
        list ? { items: list.items.map((u) => (u.id === user.id ? user : u)) } : list,
      );
    },
  });
}
