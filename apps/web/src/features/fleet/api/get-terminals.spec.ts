import { describe, expect, it } from 'vitest';
import { terminalPageSchema } from './get-terminals';

describe('terminalPageSchema', () => {
  it('keeps the fields the overview reads and drops the rest', () => {
    const parsed = terminalPageSchema.parse({
      total: 1,
      page: 1,
      pageSize: 50,
      items: [
        {
          terminalId: 'T-1',
          registered: true,
          merchantName: 'Corner Café',
          region: 'north',
          comm: '4g',
          online: true,
          lastSeenAt: '2025-03-01T12:00:00.000Z',
          riskScore: 12,
          causes: [{ code: 'WEAK_SIGNAL', evidence: 'rsrp -112 dBm' }],
        },
      ],
    });
    expect(parsed).toEqual({
      total: 1,
      items: [
        {
          terminalId: 'T-1',
          registered: true,
          merchantName: 'Corner Café',
          region: 'north',
          comm: '4g',
          online: true,
          lastSeenAt: '2025-03-01T12:00:00.000Z',
          riskScore: 12,
        },
      ],
    });
  });

  it('rejects a risk score outside 0–100', () => {
    const item = { terminalId: 'T-1', registered: true, merchantName: null, region: null, comm: null };
    const page = { total: 1, items: [{ ...item, online: null, lastSeenAt: null, riskScore: 140 }] };
    expect(terminalPageSchema.safeParse(page).success).toBe(false);
  });
});
