import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env-schema';

describe('parseEnv', () => {
  it('defaults the API base to /api/v1 and has no tile URL', () => {
    expect(parseEnv({})).toEqual({ apiBase: '/api/v1' });
    expect(parseEnv({ VITE_API_BASE: '', VITE_TILE_URL: '' })).toEqual({ apiBase: '/api/v1' });
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

  it('takes a tile URL template and rejects one without {z}', () => {
    const tileUrl = 'https://tiles.example.com/{z}/{x}/{y}.png';
    expect(parseEnv({ VITE_TILE_URL: tileUrl })).toEqual({ apiBase: '/api/v1', tileUrl });
    expect(() => parseEnv({ VITE_TILE_URL: 'https://tiles.example.com/tile.png' })).toThrow(/VITE_TILE_URL/);
  });
});
