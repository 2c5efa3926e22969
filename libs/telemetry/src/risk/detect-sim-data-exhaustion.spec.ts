import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from './config';
import { detectSimDataExhaustion } from './detect-sim-data-exhaustion';
import { burningSim, DAY, HOUR, makeHistory, NOW, sim } from './fixtures/make-history';

const detect = (sims: ReturnType<typeof burningSim>) =>
  detectSimDataExhaustion(makeHistory({ sim: sims }), NOW, DEFAULT_RISK_CONFIG);

describe('detectSimDataExhaustion', () => {
  it('forecasts the hour the balance reaches zero', () => {
    const cause = detect(burningSim(NOW - 3 * DAY, NOW, 42 + 3 * 61, 61));
    expect(cause?.code).toBe('SIM_DATA_EXHAUSTION');
    expect(cause?.evidence).toBe('balance 42 MB, burning 61 MB/day, reaches 0 in ~17 h');
    expect(cause!.predictedAt! - NOW).toBeCloseTo((42 / 61) * DAY, -4);
    expect(cause!.score).toBeGreaterThanOrEqual(70);
  });

  it('ignores a low balance that lasts weeks at its burn rate', () => {
    expect(detect(burningSim(NOW - 3 * DAY, NOW, 36, 2))).toBeUndefined();
  });

  it('raises just inside the horizon and not just outside it', () => {
    const inside = detect(burningSim(NOW - 3 * DAY, NOW, 71 + 72, 24));
    const outside = detect(burningSim(NOW - 3 * DAY, NOW, 73 + 72, 24));
    expect(inside?.evidenceData.hoursToZero).toBe(71);
    expect(inside!.score).toBeGreaterThanOrEqual(50);
    expect(outside).toBeUndefined();
  });

  it('says an exhausted balance is already failing', () => {
    const sims = burningSim(NOW - 2 * DAY, NOW, 80, 60);
    const cause = detect(sims);
    expect(cause?.score).toBe(95);
    expect(cause?.evidence).toMatch(/^data balance 0 MB: exhausted for ~/);
    expect(cause!.predictedAt!).toBeLessThan(NOW);
  });

  it('is not fooled by a recent top-up, and keeps the burn rate learned before it', () => {
    const before = burningSim(NOW - 3 * DAY, NOW - 3 * HOUR, 300, 100);
    const toppedUpBig = [...before, ...burningSim(NOW - 2 * HOUR, NOW, 1000, 100)];
    expect(detect(toppedUpBig)).toBeUndefined();
    const toppedUpSmall = [...before, ...burningSim(NOW - 2 * HOUR, NOW, 150, 100)];
    const cause = detect(toppedUpSmall);
    expect(cause?.evidenceData.burnMbPerDay).toBe(100);
    expect(cause?.evidenceData.topUps).toBe(1);
  });

  it('starts afresh after a SIM swap', () => {
    const old = burningSim(NOW - 3 * DAY, NOW - 2 * HOUR, 200, 70);
    const swapped = [...old, ...burningSim(NOW - HOUR, NOW, 2000, 0, { iccid: '8986009999999999' })];
    expect(detect(swapped)).toBeUndefined();
  });

  it('needs more than a couple of readings to forecast', () => {
    expect(detect([sim(NOW - HOUR, { dataBalanceMb: 20 }), sim(NOW, { dataBalanceMb: 15 })])).toBeUndefined();
  });

  it('shrugs off a wild reading and late duplicates', () => {
    const clean = burningSim(NOW - 3 * DAY, NOW, 40 + 3 * 50, 50);
    const messy = [...clean];
    messy[30] = { ...messy[30]!, dataBalanceMb: 5 };
    messy.push(messy[10]!, messy[11]!);
    messy.reverse();
    const cause = detect(messy);
    expect(cause?.evidenceData.balanceMb).toBe(40);
    expect(cause?.evidenceData.burnMbPerDay).toBeCloseTo(50, 0);
  });

  it('needs no SIM data at all to stay quiet', () => {
    expect(detect([])).toBeUndefined();
  });

  it('forecasts from the last day when usage picked up (a slow past would forecast too late)', () => {
    // Two days at 10 MB/day, then a day at 400 MB/day: 600 MB left lasts ~36 h, not 60 days.
    const slow = burningSim(NOW - 3 * DAY, NOW - DAY - HOUR, 1020, 10);
    const fast = burningSim(NOW - DAY, NOW, 1000, 400);
    const cause = detect([...slow, ...fast]);
    expect(cause?.code).toBe('SIM_DATA_EXHAUSTION');
    expect(cause!.evidenceData.hoursToZero).toBeCloseTo(36, -1);
  });
});
