import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config';

describe('loadConfig: the shared Redis', () => {
  it('runs as one process, state in memory, without REDIS_URL', () => {
    expect(loadConfig({}).redis).toBeUndefined();
  });

  it('takes REDIS_URL with the default key prefix, or the one given', () => {
    expect(loadConfig({ REDIS_URL: 'redis://redis:6379' }).redis).toEqual({
      url: 'redis://redis:6379',
      keyPrefix: 'fleet:',
    });
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@redis:6380/2', REDIS_KEY_PREFIX: 'acq-1:' }).redis).toEqual({
      url: 'rediss://:pw@redis:6380/2',
      keyPrefix: 'acq-1:',
    });
  });

  it('names REDIS_URL and REDIS_KEY_PREFIX when they are malformed', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis-host:6379' })).toThrow(
      /REDIS_URL must look like redis:\/\/host:6379/,
    );
    expect(() => loadConfig({ REDIS_URL: 'redis://x', REDIS_KEY_PREFIX: 'has space' })).toThrow(
      /REDIS_KEY_PREFIX/,
    );
  });
});
