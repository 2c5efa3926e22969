import { describe, expect, it } from 'vitest';
import { applyIncidents, type AssessedTerminal } from './apply-incidents';
import { summarizeCauses } from './assess';
import type { Cause } from './cause';
import { DEFAULT_RISK_CONFIG } from './config';
import { NOW } from './fixtures/make-history';
import type { Incident } from './incident';

const cause = (code: Cause['code'], score: number): Cause => ({
  code,
  score,
  evidence: code,
  evidenceData: {},
});
const assessed = (terminalId: string, causes: Cause[]): AssessedTerminal => ({
  terminalId,
  ...summarizeCauses(causes),
});

const outage: Incident = {
  id: 'CARRIER_OUTAGE:46000:south:2024-03-06T10:00Z',
  code: 'CARRIER_OUTAGE',
  key: { mccMnc: '46000', region: 'south' },
  startedAt: NOW - 7_200_000,
  memberIds: ['A', 'B'],
};

describe('applyIncidents', () => {
  it('swaps a member’s device causes for the incident so nobody is dispatched', () => {
    const [a, b, c] = applyIncidents(
      [
        assessed('A', [cause('OFFLINE', 85), cause('PAPER_OUT', 50)]),
        assessed('B', [cause('COMM_MODULE_FAULT', 60)]),
        assessed('C', [cause('OFFLINE', 85)]),
      ],
      [outage],
      DEFAULT_RISK_CONFIG,
    );
    expect(a!.causes.map((x) => x.code)).toEqual(['CARRIER_OUTAGE', 'PAPER_OUT']);
    expect(a!.recommendedAction).toBe(
      'No per-device dispatch; track the incident (also: Tell the merchant; send paper rolls)',
    );
    expect(a!.causes[0]!.evidence).toBe(
      'one of 2 terminals (carrier 46000, region south) that went offline together at 2024-03-06 10:00 UTC',
    );
    expect(a!.causes[0]!.evidenceData.incidentId).toBe(outage.id);
    expect(b!.causes.map((x) => x.code)).toEqual(['CARRIER_OUTAGE']);
    expect(b!.riskScore).toBe(DEFAULT_RISK_CONFIG.incidents.memberScore);
    expect(c!.causes.map((x) => x.code)).toEqual(['OFFLINE']);
  });

  it('returns everyone unchanged when there is no incident', () => {
    const list = [assessed('A', [cause('OFFLINE', 85)])];
    expect(applyIncidents(list, [], DEFAULT_RISK_CONFIG)).toEqual(list);
  });
});
