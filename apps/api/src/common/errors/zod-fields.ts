import type { z, ZodError } from 'zod';
import { type FieldError, ValidationError } from './domain-error';

/**
 * Names each wrong field of a failed zod parse, `(root)` for the value as a whole. Keys a
 * strict object does not know are named one by one, so `{"usrename": …}` says which key.
 */
export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: dotted([...issue.path, key]), message: 'unknown field' }));
    }
    return [{ field: dotted(issue.path), message: issue.message }];
  });
}

function dotted(path: ReadonlyArray<PropertyKey>): string {
  return path.length > 0 ? path.map(String).join('.') : '(root)';
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
