import { HttpException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import {
  DomainError,
  type ErrorCode,
  type FieldError,
  RateLimitedError,
  ValidationError,
} from './domain-error';
import { codeForStatus, STATUS_BY_CODE } from './error-status';
import { validationErrorFromZod } from './zod-fields';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldError[] };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True when the error is ours to fix (a 5xx): log it with its stack. */
  unexpected: boolean;
}

/** Turns anything thrown while handling a request into the one error shape of the API. */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof ZodValidationException) return fromDomain(validationFrom(exception.getZodError()));
  if (exception instanceof ZodError) return fromDomain(validationFrom(exception));
  if (exception instanceof DomainError) return fromDomain(exception);
  if (exception instanceof HttpException) return fromStatus(exception.getStatus(), httpMessage(exception));
  const bodyParser = bodyParserError(exception);
  if (bodyParser) return bodyParser;
  return { ...fromStatus(500, 'internal error'), unexpected: true };
}

function validationFrom(zodError: unknown): ValidationError {
  return zodError instanceof ZodError ? validationErrorFromZod(zodError) : new ValidationError([]);
}

function fromDomain(error: DomainError): ErrorResponse {
  const status = STATUS_BY_CODE[error.code];
  const fields = error instanceof ValidationError && error.fields.length > 0 ? error.fields : undefined;
  const headers: Record<string, string> =
    error instanceof RateLimitedError
      ? { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterS))) }
      : {};
  return {
    status,
    body: { error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) } },
    headers,
    unexpected: status >= 500,
  };
}

function fromStatus(status: number, message: string): ErrorResponse {
  return {
    status,
    body: { error: { code: codeForStatus(status), message } },
    headers: {},
    unexpected: status >= 500,
  };
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Express's body parser throws plain errors carrying `type` and `status` (bad JSON, too large). */
function bodyParserError(exception: unknown): ErrorResponse | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { type, status } = exception as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || !type.startsWith('entity.') || typeof status !== 'number') return undefined;
  if (type === 'entity.parse.failed') {
    return fromDomain(
      new ValidationError([{ field: '(body)', message: 'malformed JSON' }], 'malformed JSON body'),
    );
  }
  return fromStatus(
    status,
    type === 'entity.too.large' ? 'request body too large' : 'unreadable request body',
  );
}
