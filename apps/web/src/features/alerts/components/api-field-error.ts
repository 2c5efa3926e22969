import { ApiError } from '../../../lib/api-client';

/**
 * Splits a failed call into the message for `field` (a 400 naming it) and the rest (a 409,
 * a 404, the network), so the reason stands at its input and the rest above the form.
 */
export function apiFieldError(error: unknown, field: string): { atField?: string; general?: string } {
  if (!error) return {};
  if (!(error instanceof ApiError)) return { general: String(error) };
  const atField = error.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message;
  return atField ? { atField } : { general: error.message };
}
