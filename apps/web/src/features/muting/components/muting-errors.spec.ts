import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { mutingFormErrors } from './muting-errors';

const FIELDS = ['matchers', 'matchers.region', 'schedule.days', 'endsAt'];

describe('mutingFormErrors', () => {
  it('puts each message at the longest known field its path starts with', () => {
    const error = new ApiError(400, 'invalid', 'validation', [
      { field: 'matchers.region', message: 'must not be empty' },
      { field: 'matchers', message: 'give at least one' },
      { field: 'schedule.days.0', message: '1 (Monday) to 7 (Sunday)' },
    ]);
    expect(mutingFormErrors(error, FIELDS)).toEqual({
      byField: {
        'matchers.region': 'must not be empty',
        matchers: 'give at least one',
        'schedule.days': '1 (Monday) to 7 (Sunday)',
      },
      general: undefined,
    });
  });

  it('keeps what no field holds, and a failure without fields, above the form', () => {
    const stray = new ApiError(400, 'invalid', 'validation', [{ field: 'colour', message: 'unknown key' }]);
    expect(mutingFormErrors(stray, FIELDS)).toEqual({ byField: {}, general: 'colour: unknown key' });
    expect(mutingFormErrors(new ApiError(404, 'not found'), FIELDS)).toEqual({
      byField: {},
      general: 'not found',
    });
    expect(mutingFormErrors(undefined, FIELDS)).toEqual({ byField: {} });
  });
});
