/**
 * PostgreSQL's COPY text format: one line per row, fields split by tabs, NULL as \N.
 * Backslash, tab, newline and carriage return inside a value are backslash-escaped;
 * everything else (quotes, unicode) goes as is.
 */

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export const COPY_NULL = '\\N';

function encodeText(value: string): string {
  // Ids and enums need no escaping: skip the replace for them.
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** One field. Numbers that are not finite become NULL, as in the array-literal path. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return COPY_NULL;
  if (typeof value === 'string') return encodeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : COPY_NULL;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return encodeText(String(value));
}
