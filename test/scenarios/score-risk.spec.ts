import { describe, expect, it } from 'vitest';
import { finalLine, poolScores, scoreRisk } from './score-risk';

describe('scoreRisk', () => {
  it('counts hits, false alarms and misses per cause, and lead times of hits', () => {
    const score = scoreRisk([
      { terminalId: 'A', expected: ['SIM_EXPIRY'], predicted: ['SIM_EXPIRY'], lead: { SIM_EXPIRY: 40 } },
      { terminalId: 'B', expected: [], predicted: ['WEAK_SIGNAL'] },
      { terminalId: 'C', expected: ['OFFLINE'], predicted: [] },
      { terminalId: 'D', expected: ['SIM_EXPIRY'], predicted: ['SIM_EXPIRY'], lead: { SIM_EXPIRY: 20 } },
    ]);
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.recall).toBeCloseTo(2 / 3);
    expect(score.leadHours).toBe(30);
    expect(score.mistakes).toEqual(['false alarm WEAK_SIGNAL on B', 'missed OFFLINE on C']);
    expect(finalLine(score)).toBe('risk: precision 0.667 recall 0.667 lead 30.0 h');
  });

  it('pools scenarios by adding their counts', () => {
    const a = scoreRisk([{ terminalId: 'A', expected: ['POWER'], predicted: ['POWER'] }]);
    const b = scoreRisk([{ terminalId: 'B', expected: ['POWER'], predicted: [] }]);
    expect(poolScores([a, b]).recall).toBe(0.5);
  });
});
