import type { ImportRow } from './fleet/import-row';

/** POSTs the fleet's rows to /terminals/import so the platform knows the merchants. */
export async function importTerminals(apiBase: string, rows: readonly ImportRow[], token?: string): Promise<number> {
  const url = `${apiBase.replace(/\/+$/, '')}/terminals/import`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(rows),
    });
  } catch (error) {
    throw new Error(`cannot reach ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  const body = (await response.json()) as { upserted?: number };
  return body.upserted ?? rows.length;
}
