import { describe, expect, it } from 'vitest';
import { COPY_NULL, copyField } from './copy-text';

describe('copyField (COPY text format)', () => {
  it('escapes backslash, tab, newline and carriage return, and nothing else', () => {
    expect(copyField('a\tb')).toBe('a\\tb');
    expect(copyField('line1\nline2\r\n')).toBe('line1\\nline2\\r\\n');
    expect(copyField('C:\\dir\\')).toBe('C:\\\\dir\\\\');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('\\.')).toBe('\\\\.');
    expect(copyField(`say "hi" it's`)).toBe(`say "hi" it's`);
    expect(copyField('Zoë ✓ 支付 😀')).toBe('Zoë ✓ 支付 😀');
    expect(copyField('')).toBe('');
  });

  it('writes NULL as \\N, including numbers JSON cannot hold', () => {
    expect(COPY_NULL).toBe('\\N');
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(Number.NaN)).toBe('\\N');
    expect(copyField(Number.POSITIVE_INFINITY)).toBe('\\N');
  });

  it('writes numbers and booleans as PostgreSQL reads them', () => {
    expect(copyField(0)).toBe('0');
    expect(copyField(-95.5)).toBe('-95.5');
    expect(copyField(12345678901234)).toBe('12345678901234');
    expect(copyField(true)).toBe('t');
    expect(copyField(false)).toBe('f');
  });
});
