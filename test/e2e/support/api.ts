import type { RunningPlatform } from './platform';

/** Calls the platform's HTTP API as its administrator (for choosing test subjects, not for asserting the UI). */
export async function apiAsAdmin<T>(platform: RunningPlatform, path: string): Promise<T> {
  const login = await fetch(`${platform.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(platform.admin),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(`${platform.baseUrl}/api/v1${path}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok) throw new Error(`GET ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
