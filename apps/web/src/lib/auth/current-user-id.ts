import { getAccessToken } from './session';

/**
 * The signed-in user's id: the access token's subject. The login answer names the user but
 * carries no id, and "assign to me" needs one. Read only, never trusted: the API checks.
 */
export function currentUserId(token: string | undefined = getAccessToken()): string | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub !== '' ? sub : undefined;
  } catch {
    return undefined;
  }
}
