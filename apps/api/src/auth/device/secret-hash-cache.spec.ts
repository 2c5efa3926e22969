import { describe, expect, it } from 'vitest';
import { SecretHashCache } from './secret-hash-cache';

describe('SecretHashCache', () => {
  it('keeps a hash for its time to live', () => {
    const cache = new SecretHashCache(1000);
    cache.set('T1', 'hash', 0);
    expect(cache.get('T1', 999)).toBe('hash');
    expect(cache.get('T1', 1000)).toBeUndefined();
  });

  it('does not keep a hash read before a rotation was forgotten: the read may predate it', () => {
    const cache = new SecretHashCache(1000);
    const generation = cache.generation;
    cache.forget('T1'); // another process rotated T1 while this one read the old row
    cache.set('T1', 'old-hash', 0, generation);
    expect(cache.get('T1', 1)).toBeUndefined();
    cache.set('T1', 'new-hash', 2, cache.generation);
    expect(cache.get('T1', 3)).toBe('new-hash');
  });
});
