import { describe, expect, it } from 'vitest';
import { dedupeImportRows } from './terminal-import';

describe('dedupeImportRows', () => {
  it('keeps one row per terminal id, the last one winning', () => {
    const base = { merchantId: 'M', merchantName: 'Shop', region: 'r', lat: 0, lon: 0 };
    const rows = dedupeImportRows([
      { ...base, terminalId: 'a', merchantName: 'old' },
      { ...base, terminalId: 'b' },
      { ...base, terminalId: 'a', merchantName: 'new' },
    ]);
    expect(rows.map((r) => [r.terminalId, r.merchantName])).toEqual([
      ['a', 'new'],
      ['b', 'Shop'],
    ]);
  });
});
