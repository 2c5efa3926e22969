import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { formErrors, splitList } from './field-errors';

describe('formErrors', () => {
  it('puts each message at its field, nested paths at their top field, the first message winning', () => {
    const error = new ApiError(400, 'invalid', 'VALIDATION', [
      { field: 'regions.1', message: 'must not be empty' },
      { field: 'regions.2', message: 'too long' },
      { field: 'email', message: 'must be an e-mail address' },
    ]);
    expect(formErrors(error, ['regions', 'email', 'phone'])).toEqual({
      byField: { regions: 'must not be empty', email: 'must be an e-mail address' },
      general: undefined,
    });
  });

  it('says in general what no field can show', () => {
    const conflict = new ApiError(409, 'root is the last enabled administrator', 'CONFLICT');
    expect(formErrors(conflict, ['role'])).toEqual({
      byField: {},
      general: 'root is the last enabled administrator',
    });
    const root = new ApiError(400, 'invalid (root)', 'VALIDATION', [
      { field: '(root)', message: 'bad body' },
    ]);
    expect(formErrors(root, ['role']).general).toBe('(root): bad body');
    expect(formErrors(undefined, ['role'])).toEqual({ byField: {} });
  });
});

describe('splitList', () => {
  it('splits on commas (also Chinese ones) and spaces, dropping empties', () => {
    expect(splitList(' north, east，west  south,, ')).toEqual(['north', 'east', 'west', 'south']);
    expect(splitList('')).toEqual([]);
  });
});
