/** Turns a driver's connection failure into one line that names the cause. */

/** invalid_password, invalid_authorization_specification (e.g. unknown role). */
const AUTH_CODES = new Set(['28P01', '28000']);
const UNKNOWN_DATABASE = '3D000';
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ECONNRESET',
]);

interface PgLikeError {
  code?: string;
  message?: string;
}

export function describeConnectionError(databaseUrl: string, error: unknown): string {
  const target = describeTarget(databaseUrl);
  const { code, message } = (error ?? {}) as PgLikeError;
  const text = (message ?? String(error)).split('\n')[0];
  if (code && AUTH_CODES.has(code)) return `DATABASE_URL: authentication failed for ${target} (${code})`;
  if (code === UNKNOWN_DATABASE) return `DATABASE_URL: ${text} on ${target} (${code})`;
  if (code && NETWORK_CODES.has(code)) return `DATABASE_URL: cannot connect to ${target} (${code})`;
  return `DATABASE_URL: cannot connect to ${target} (${code ? `${code}: ` : ''}${text})`;
}

/** host:port/db without the password. */
export function describeTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const port = url.port || '5432';
    const db = url.pathname.replace(/^\//, '');
    return `${url.hostname}:${port}${db ? `/${db}` : ''}`;
  } catch {
    return 'the configured server';
  }
}
