import { describe, expect, it } from 'vitest';
import { toArrayLiteral } from './pg-array-literal';

describe('toArrayLiteral', () => {
  it('quotes text and escapes quotes and backslashes', () => {
    expect(toArrayLiteral(['a', 'say "hi"', 'back\\slash', '', 'NULL'])).toBe(
      '{"a","say \\"hi\\"","back\\\\slash","","NULL"}',
    );
  });
  it('writes numbers and booleans bare, and null/undefined as NULL', () => {
    expect(toArrayLiteral([1, -2.5, true, false, null, undefined])).toBe('{1,-2.5,t,f,NULL,NULL}');
  });
  it('never emits an invalid number', () => {
    expect(toArrayLiteral([Number.NaN, Number.POSITIVE_INFINITY])).toBe('{NULL,NULL}');
  });
  it('encodes an empty column as an empty array', () => {
    expect(toArrayLiteral([])).toBe('{}');
  });
});
