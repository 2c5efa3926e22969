import { useMutation } from '@tanstack/react-query';
import { signIn } from '../../../lib/auth/session';

export interface Credentials {
  username: string;
  password: string;
}

/** `POST /auth/login`; resolves to a failure code for the form (see session.signIn), or undefined. */
export function login({ username, password }: Credentials): Promise<string | undefined> {
  return signIn(username, password);
}

export const loginMutationKey = ['auth', 'login'] as const;

export function useLogin() {
  return useMutation({ mutationKey: loginMutationKey, mutationFn: login });
}
