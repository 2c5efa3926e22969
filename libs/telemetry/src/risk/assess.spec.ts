import { describe, expect, it } from 'vitest';
import { assessTerminal, NO_ACTION } from './assess';
import { DEFAULT_RISK_CONFIG } from './config';
import {
  burningSim,
  DAY,
  heartbeats,
  HOUR,
  makeHistory,
  MINUTE,
  NOW,
  signals,
  sim,
  txns,
} from './fixtures/make-history';

const healthy = {
  heartbeats: heartbeats(NOW - 2 * DAY, NOW),
  signal: signals(NOW - DAY, NOW, () => ({})),
  sim: [sim(NOW - HOUR)],
  txn: txns(NOW - DAY, NOW, () => ({ approved: 3, declined: 2 })),
  paper: [{ ts: NOW - HOUR, status: 'ok' as const }],
  lastSeenAt: NOW,
};

describe('assessTerminal', () => {
  it('finds nothing wrong with a healthy terminal', () => {
    expect(assessTerminal(makeHistory(healthy), NOW, DEFAULT_RISK_CONFIG)).toEqual({
      riskScore: 0,
      causes: [],
      recommendedAction: NO_ACTION,
    });
  });

  it('combines causes, highest first, without exceeding 100', () => {
    const history = makeHistory({
      ...healthy,
      sim: burningSim(NOW - 3 * DAY, NOW, 30 + 3 * 60, 60),
      paper: [{ ts: NOW - HOUR, status: 'low' }],
    });
    const result = assessTerminal(history, NOW, DEFAULT_RISK_CONFIG);
    expect(result.causes.map((c) => c.code)).toEqual(['SIM_DATA_EXHAUSTION', 'PAPER_OUT']);
    const [sim, paper] = result.causes.map((c) => c.score / 100) as [number, number];
    expect(result.riskScore).toBe(Math.round(100 * (1 - (1 - sim) * (1 - paper))));
    expect(result.riskScore).toBeLessThanOrEqual(100);
    expect(result.recommendedAction).toBe(
      'Top up the SIM remotely (also: Tell the merchant; send paper rolls)',
    );
  });

  it('puts the remote fix before a dispatch when an empty SIM explains the outage', () => {
    const history = makeHistory({
      ...healthy,
      heartbeats: heartbeats(NOW - 2 * DAY, NOW - 3 * HOUR),
      signal: signals(NOW - DAY, NOW - 3 * HOUR, () => ({})),
      txn: [],
      sim: [sim(NOW - 4 * HOUR, { dataBalanceMb: 0 })],
      lastSeenAt: NOW - 3 * HOUR,
    });
    const result = assessTerminal(history, NOW, DEFAULT_RISK_CONFIG);
    expect(result.causes.map((c) => c.code).sort()).toEqual(['OFFLINE', 'SIM_DATA_EXHAUSTION']);
    expect(result.recommendedAction).toMatch(/^Top up the SIM remotely \(also: Call the merchant/);
    expect(result.riskScore).toBeGreaterThanOrEqual(95);
  });

  it('copes with duplicated, out-of-order channels', () => {
    const hbs = heartbeats(NOW - DAY, NOW - 20 * MINUTE);
    const history = makeHistory({
      heartbeats: [...hbs, ...hbs.slice(0, 50)].reverse(),
      lastSeenAt: NOW - 20 * MINUTE,
    });
    expect(assessTerminal(history, NOW, DEFAULT_RISK_CONFIG).causes.map((c) => c.code)).toEqual(['OFFLINE']);
  });
});
