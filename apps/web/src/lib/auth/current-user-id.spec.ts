import { describe, expect, it } from 'vitest';
import { currentUserId } from './current-user-id';

const base64url = (value: object) =>
  Buffer.from(JSON.stringify(value))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('currentUserId', () => {
  it("reads the access token's subject", () => {
    const token = `${base64url({ alg: 'HS256' })}.${base64url({ sub: '0f8fad5b-d9cb-469f-a165-70867728950e', role: 'support' })}.sig`;
    expect(currentUserId(token)).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it('is undefined without a token, for a token that is not a JWT, or without a subject', () => {
    expect(currentUserId(undefined)).toBeUndefined();
    expect(currentUserId('opaque-token')).toBeUndefined();
    expect(currentUserId('a.!!!.c')).toBeUndefined();
    expect(currentUserId(`x.${base64url({ role: 'admin' })}.y`)).toBeUndefined();
  });
});
