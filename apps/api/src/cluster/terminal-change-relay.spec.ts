import { describe, expect, it } from 'vitest';
import { payloads } from './terminal-change-relay';

describe('terminal change relay payloads', () => {
  it('puts every id once, in order, in payloads under NOTIFY’s 8000-byte limit, each led by the node id', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `TERMINAL-${String(i).padStart(40, '0')}`);
    const out = payloads('node-1', ids);
    expect(out.length).toBeGreaterThan(1);
    for (const payload of out) {
      expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
      expect(payload.startsWith('node-1 ')).toBe(true);
    }
    expect(out.flatMap((p) => p.slice('node-1 '.length).split(','))).toEqual(ids);
  });

  it('makes no payload for no ids', () => {
    expect(payloads('node-1', [])).toEqual([]);
  });
});
