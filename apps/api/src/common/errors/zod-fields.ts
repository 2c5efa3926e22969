import type { z, ZodError } from 'zod';
import { type FieldError, ValidationError } from './domain-error';

/** Names each wrong field of a failed zod parse, `(root)` for the value as a whole. */
export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

export function validationErrorFromZod(error: ZodError): ValidationError {
  return new ValidationError(fieldErrorsFromZod(error));
}

/** Parses `value` with `schema` or throws a ValidationError naming the wrong fields. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationErrorFromZod(result.error);
  return result.data;
}
