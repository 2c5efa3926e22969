import { env } from '../env';
import { sessionSchema, type SessionAnswer, type SessionUser } from './session-schema';

/**
 * The signed-in session. The access token lives only in memory (gone on reload, out of
 * reach of other tabs' storage); the refresh token is remembered in localStorage so a
 * reload signs back in. Refresh is single-flight: many 401s at once rotate the token once.
 */
export const REFRESH_TOKEN_KEY = 'fleet.refreshToken';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; user: SessionUser };

let state: SessionState = storedRefreshToken() ? { status: 'restoring' } : { status: 'signed-out' };
let accessToken: string | undefined;
let refreshing: Promise<boolean> | undefined;
const listeners = new Set<() => void>();

function storedRefreshToken(): string | null {
  try {
    return globalThis.localStorage?.getItem(REFRESH_TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function adopt(answer: SessionAnswer): void {
  accessToken = answer.accessToken;
  localStorage.setItem(REFRESH_TOKEN_KEY, answer.refreshToken);
  setState({ status: 'signed-in', user: answer.user });
}

export function getSession(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getAccessToken(): string | undefined {
  return accessToken;
}

/** Forgets the session locally, e.g. when the server no longer accepts it. */
export function endSession(reason?: string): void {
  accessToken = undefined;
  localStorage.removeItem(REFRESH_TOKEN_KEY);
  setState(reason ? { status: 'signed-out', reason } : { status: 'signed-out' });
}

async function postSession(path: string, body: unknown, bearer?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  return fetch(`${env.apiBase}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Signs in; resolves to an error message for the form, or undefined on success. */
export async function signIn(username: string, password: string): Promise<string | undefined> {
  let response: Response;
  try {
    response = await postSession('/auth/login', { username, password });
  } catch {
    return 'unreachable';
  }
  if (response.status === 401 || response.status === 400) return 'bad-credentials';
  if (response.status === 429) return 'throttled';
  if (!response.ok) return `status-${response.status}`;
  const parsed = sessionSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return 'bad-answer';
  adopt(parsed.data);
  return undefined;
}

async function rotate(): Promise<boolean> {
  const refreshToken = storedRefreshToken();
  if (!refreshToken) {
    endSession();
    return false;
  }
  let response: Response;
  try {
    response = await postSession('/auth/refresh', { refreshToken });
  } catch {
    // Offline is not a rejected session: keep the refresh token for the next try.
    if (state.status === 'restoring') setState({ status: 'signed-out', reason: 'unreachable' });
    return false;
  }
  const parsed = response.ok
    ? sessionSchema.safeParse(await response.json().catch(() => undefined))
    : undefined;
  if (!parsed?.success) {
    endSession('expired');
    return false;
  }
  adopt(parsed.data);
  return true;
}

/** Trades the remembered refresh token for a new pair; concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= rotate().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

export async function signOut(): Promise<void> {
  const refreshToken = storedRefreshToken();
  const token = accessToken;
  endSession();
  if (!token) return;
  // Best effort: the local session is gone either way.
  await postSession('/auth/logout', refreshToken ? { refreshToken } : {}, token).catch(() => undefined);
}
