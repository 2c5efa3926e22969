/** PostgreSQL text and jsonb cannot hold NUL characters; drop them instead of failing a batch. */
export function cleanText(value: string): string {
  return value.includes('\0') ? value.replace(/\0/g, '') : value;
}

export function optionalText(value: string | number | undefined): string | null {
  return value === undefined ? null : cleanText(String(value));
}

/** JSON text for PostgreSQL, with NULs removed from every string. */
export function toPgJson(value: unknown): string {
  const json = JSON.stringify(value);
  // jsonb rejects the \u0000 escape and json's ->> cannot return it; re-encode without
  // NULs only in that rare case.
  if (!json.includes('\\u0000')) return json;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? cleanText(v) : v));
}

/** `expiresAt` is an ISO date or date-time; a bare date means midnight UTC. Unparseable → null. */
export function isoInstant(value: string): string | null {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
