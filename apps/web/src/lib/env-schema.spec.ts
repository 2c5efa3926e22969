import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env-schema';

describe('parseEnv', () => {
  it('defaults the API base to /api/v1', () => {
    expect(parseEnv({})).toEqual({ apiBase: '/api/v1' });
    expect(parseEnv({ VITE_API_BASE: '' })).toEqual({ apiBase: '/api/v1' });
  });

  it('accepts an absolute URL and drops a trailing slash', () => {
    expect(parseEnv({ VITE_API_BASE: 'https://fleet.example.com/api/v1/' })).toEqual({
      apiBase: 'https://fleet.example.com/api/v1',
    });
  });

  it('rejects a base that is neither a path nor an http URL, naming the variable', () => {
    expect(() => parseEnv({ VITE_API_BASE: 'api/v1' })).toThrow(EnvError);
    expect(() => parseEnv({ VITE_API_BASE: 'ftp://host/api' })).toThrow(/VITE_API_BASE must be a path/);
  });
});
