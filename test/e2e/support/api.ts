import type { RunningPlatform } from './platform';

/** An access token of the platform's administrator. */
export async function adminToken(platform: RunningPlatform): Promise<string> {
  const login = await fetch(`${platform.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(platform.admin),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** Calls the platform's HTTP API as its administrator (for choosing test subjects, not for asserting the UI). */
export async function apiAsAdmin<T>(platform: RunningPlatform, path: string): Promise<T> {
  const response = await fetch(`${platform.baseUrl}/api/v1${path}`, {
    headers: { authorization: `Bearer ${await adminToken(platform)}` },
  });
  if (!response.ok) throw new Error(`GET ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** POSTs as the administrator to set a test up (users, terminals, silences); a non-2xx answer throws. */
export async function postAsAdmin<T>(platform: RunningPlatform, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${platform.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken(platform)}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
