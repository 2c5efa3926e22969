import { describe, expect, it } from 'vitest';
import { atRiskItemSchema } from './risk';

const item = (evidenceData: unknown) => ({
  terminalId: 'T-1',
  riskScore: 70,
  recommendedAction: 'Tell the merchant; send paper rolls',
  causes: [{ code: 'PAPER_OUT', evidence: 'out of paper for ~3 h', evidenceData }],
});

describe('atRiskItemSchema', () => {
  it('keeps a cause’s evidenceData for wording the evidence', () => {
    const parsed = atRiskItemSchema.parse(item({ status: 'out', since: 1709715600000 }));
    expect(parsed.causes[0]?.evidenceData).toEqual({ status: 'out', since: 1709715600000 });
  });

  it('drops unreadable evidenceData rather than the whole queue', () => {
    const parsed = atRiskItemSchema.parse(item({ status: null, since: { at: 1 } }));
    expect(parsed.causes[0]).toEqual({
      code: 'PAPER_OUT',
      evidence: 'out of paper for ~3 h',
      evidenceData: undefined,
    });
  });
});
