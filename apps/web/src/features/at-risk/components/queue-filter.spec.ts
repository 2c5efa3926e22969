import type { AtRiskItem } from '@fleet/telemetry/api/risk';
import { describe, expect, it } from 'vitest';
import { applyRiskChange } from './queue-filter';

const item = (terminalId: string, riskScore: number, extra: Partial<AtRiskItem> = {}): AtRiskItem => ({
  terminalId,
  riskScore,
  causes: [{ code: 'PAPER_OUT', evidence: 'paper out' }],
  recommendedAction: 'Send paper',
  ...extra,
});

describe('applyRiskChange', () => {
  it('keeps merchant details and the contact marker when a push updates the assessment', () => {
    const queue = [
      item('T1', 40, { merchantName: 'Tea House', contact: { by: 'ana', at: '2026-11-26T10:00:00Z' } }),
    ];
    const [updated] = applyRiskChange(queue, [item('T1', 90)], []);
    expect(updated).toMatchObject({ riskScore: 90, merchantName: 'Tea House', contact: { by: 'ana' } });
  });

  it('adds new terminals, drops removed ones and orders by risk', () => {
    const queue = [item('T1', 40), item('T2', 30)];
    const next = applyRiskChange(queue, [item('T3', 80)], ['T2']);
    expect(next.map((i) => i.terminalId)).toEqual(['T3', 'T1']);
  });
});
