import { NotFoundException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from './domain-error';
import { toErrorResponse } from './error-body';

describe('toErrorResponse', () => {
  it.each([
    [new UnauthenticatedError(), 401, 'UNAUTHENTICATED'],
    [new ForbiddenError(), 403, 'FORBIDDEN'],
    [new NotFoundError('terminal T1 not found'), 404, 'NOT_FOUND'],
    [new ConflictError('taken'), 409, 'CONFLICT'],
    [new ValidationError([{ field: 'role', message: 'bad' }]), 400, 'VALIDATION'],
  ])('maps %s to %i %s', (error, status, code) => {
    const mapped = toErrorResponse(error);
    expect(mapped.status).toBe(status);
    expect(mapped.body.error.code).toBe(code);
    expect(mapped.unexpected).toBe(false);
  });

  it('sends Retry-After with a rate limit', () => {
    const mapped = toErrorResponse(new RateLimitedError(61.2));
    expect(mapped.status).toBe(429);
    expect(mapped.headers['Retry-After']).toBe('62');
  });

  it('names each wrong field of a zod error, whether raw or from nestjs-zod', () => {
    const schema = z.object({ username: z.string().max(3), regions: z.array(z.string()) });
    const error = schema.safeParse({ username: 'toolong', regions: ['a', 7] }).error!;
    for (const thrown of [error, new ZodValidationException(error)]) {
      const mapped = toErrorResponse(thrown);
      expect(mapped.status).toBe(400);
      expect(mapped.body.error.fields?.map((f) => f.field)).toEqual(['username', 'regions.1']);
    }
  });

  it('names each unknown key of a strict object as its own field', () => {
    const schema = z.object({ locale: z.string(), nested: z.object({ a: z.number() }).strict() }).strict();
    const error = schema.safeParse({ locale: 'en', usrename: 'x', role: 'y', nested: { a: 1, b: 2 } }).error!;
    expect(toErrorResponse(error).body.error.fields).toEqual([
      { field: 'nested.b', message: 'unknown field' },
      { field: 'usrename', message: 'unknown field' },
      { field: 'role', message: 'unknown field' },
    ]);
  });

  it('keeps the status of Nest HTTP exceptions under the common shape', () => {
    const mapped = toErrorResponse(new NotFoundException('Cannot GET /api/v1/nope'));
    expect(mapped).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Cannot GET /api/v1/nope' } },
    });
  });

  it('turns body-parser failures into 400 and 413, not 500', () => {
    const badJson = Object.assign(new SyntaxError('Unexpected token'), {
      type: 'entity.parse.failed',
      status: 400,
    });
    const tooLarge = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
    });
    expect(toErrorResponse(badJson)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } });
    expect(toErrorResponse(tooLarge)).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE' } },
    });
  });

  it('answers anything else with a bare 500 that leaks nothing', () => {
    const mapped = toErrorResponse(new Error('relation "users" does not exist'));
    expect(mapped).toMatchObject({
      status: 500,
      unexpected: true,
      body: { error: { code: 'INTERNAL', message: 'internal error' } },
    });
  });
});
