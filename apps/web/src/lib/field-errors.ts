import { ApiError } from './api-client';

export interface FormErrors {
  /** Message per form field: `regions.1` is shown at `regions`. */
  byField: Record<string, string>;
  /** What no field on the form can show (a 409, a network error, a `(root)` issue). */
  general?: string;
}

/** Spreads an API failure over the form's fields, so each message stands at its input. */
export function formErrors(error: unknown, fields: readonly string[]): FormErrors {
  if (!error) return { byField: {} };
  if (!(error instanceof ApiError)) return { byField: {}, general: String(error) };
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { field, message } of error.fields) {
    const name = field.split('.')[0] ?? field;
    if (fields.includes(name)) byField[name] ??= message;
    else unplaced.push(`${field}: ${message}`);
  }
  const placedAll = error.fields.length > 0 && unplaced.length === 0;
  return { byField, general: placedAll ? undefined : unplaced.join('; ') || error.message };
}

/** `north, east，west` → `['north', 'east', 'west']` (a Chinese comma counts too). */
export function splitList(text: string): string[] {
  return text
    .split(/[,，\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
