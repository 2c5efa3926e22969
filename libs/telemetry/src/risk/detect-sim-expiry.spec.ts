import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from './config';
import { detectSimExpiry } from './detect-sim-expiry';
import { DAY, HOUR, makeHistory, NOW, sim } from './fixtures/make-history';

const detect = (expiresAt: number) =>
  detectSimExpiry(makeHistory({ sim: [sim(NOW - HOUR, { expiresAt })] }), NOW, DEFAULT_RISK_CONFIG);

describe('detectSimExpiry', () => {
  it('raises just inside the horizon and not just outside it', () => {
    expect(detect(NOW + 71 * HOUR)?.evidence).toMatch(/^SIM plan expires in ~3 d \(2024-03-09 11:00 UTC\)$/);
    expect(detect(NOW + 71 * HOUR)!.score).toBeGreaterThanOrEqual(50);
    expect(detect(NOW + 73 * HOUR)).toBeUndefined();
    expect(detect(NOW + 200 * DAY)).toBeUndefined();
  });

  it('scores sooner expiries higher', () => {
    expect(detect(NOW + 2 * HOUR)!.score).toBeGreaterThan(detect(NOW + 60 * HOUR)!.score);
  });

  it('says an expired plan is already failing', () => {
    const cause = detect(NOW - 5 * HOUR);
    expect(cause).toMatchObject({ code: 'SIM_EXPIRY', score: 95, predictedAt: NOW - 5 * HOUR });
    expect(cause?.evidence).toMatch(/^SIM plan expired ~5 h ago/);
  });

  it('believes the newest reading after a renewal, even when delivered out of order', () => {
    const renewed = makeHistory({
      sim: [sim(NOW - HOUR, { expiresAt: NOW + 365 * DAY }), sim(NOW - 3 * HOUR, { expiresAt: NOW + HOUR })],
    });
    expect(detectSimExpiry(renewed, NOW, DEFAULT_RISK_CONFIG)).toBeUndefined();
  });

  it('stays quiet without SIM readings', () => {
    expect(detectSimExpiry(makeHistory(), NOW, DEFAULT_RISK_CONFIG)).toBeUndefined();
  });
});
