import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userViewSchema, type UserLocale, type UserRole, type UserView } from '@fleet/telemetry/api/users';
import { apiPost } from '../../../lib/api-client';
import { usersQueryKey } from './get-users';

export interface NewUser {
  username: string;
  password: string;
  role: UserRole;
  regions: string[];
  merchantIds: string[];
  email: string | null;
  phone: string | null;
  locale: UserLocale;
}

/** `POST /users` (admin); a 400 names the wrong fields (ApiError.fields). */
export function createUser(user: NewUser): Promise<UserView> {
  return apiPost('/users', user, userViewSchema);
}

export const createUserMutationKey = ['users', 'create'] as const;

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: createUserMutationKey,
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
