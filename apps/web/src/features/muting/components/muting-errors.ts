import { ApiError } from '../../../lib/api-client';
import type { FormErrors } from '../../../lib/field-errors';

/**
 * Spreads a 400 over a muting form whose fields are nested (`matchers.region`,
 * `schedule.days.0`): each message stands at the longest known field its path starts with.
 */
export function mutingFormErrors(error: unknown, fields: readonly string[]): FormErrors {
  if (!error) return { byField: {} };
  if (!(error instanceof ApiError)) return { byField: {}, general: String(error) };
  const byLength = [...fields].sort((a, b) => b.length - a.length);
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { field, message } of error.fields) {
    const known = byLength.find((name) => field === name || field.startsWith(`${name}.`));
    if (known) byField[known] ??= message;
    else unplaced.push(`${field}: ${message}`);
  }
  const placedAll = error.fields.length > 0 && unplaced.length === 0;
  return { byField, general: placedAll ? undefined : unplaced.join('; ') || error.message };
}
