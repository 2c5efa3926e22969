import { describe, expect, it } from 'vitest';
import { cleanText, isoInstant, optionalText, toPgJson } from './clean-text';

describe('text cleaning for PostgreSQL', () => {
  it('drops NUL characters, which text and jsonb reject', () => {
    expect(cleanText('a\0b\0')).toBe('ab');
    expect(optionalText(12345)).toBe('12345');
    expect(optionalText(undefined)).toBeNull();
    expect(JSON.parse(toPgJson({ fw: 'v1\0', nested: ['x\0'] }))).toEqual({ fw: 'v1', nested: ['x'] });
  });
  it('keeps a literal backslash-u sequence intact', () => {
    expect(JSON.parse(toPgJson({ s: '\\u0000' }))).toEqual({ s: '\\u0000' });
  });
  it('reads expiresAt as a date (midnight UTC) or a date-time, and unparseable as null', () => {
    expect(isoInstant('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(isoInstant('2026-03-01T08:00:00+08:00')).toBe('2026-03-01T00:00:00.000Z');
    expect(isoInstant('2026-13-45')).toBeNull();
  });
});
