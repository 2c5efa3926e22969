import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from './config';
import { detectPower } from './detect-power';
import type { EventSample, HeartbeatSample } from './history';
import { event, heartbeat, heartbeats, HOUR, makeHistory, MINUTE, NOW } from './fixtures/make-history';

const detect = (hbs: HeartbeatSample[], events: EventSample[] = []) =>
  detectPower(makeHistory({ heartbeats: hbs, events }), NOW, DEFAULT_RISK_CONFIG);

/** On mains until `since`, then on battery draining `perHour` % from 100. */
function unplugged(since: number, perHour: number): HeartbeatSample[] {
  return [
    ...heartbeats(since - 2 * HOUR, since - MINUTE),
    ...heartbeats(since, NOW, { intervalS: 300 }).map((hb) => ({
      ...hb,
      power: 'battery' as const,
      batteryPct: Math.max(0, 100 - ((hb.ts - since) / HOUR) * perHour),
    })),
  ];
}

describe('detectPower', () => {
  it('flags a low battery and forecasts when it runs flat', () => {
    const cause = detect(unplugged(NOW - 9 * HOUR, 10));
    expect(cause?.code).toBe('POWER');
    expect(cause?.evidence).toBe('on battery for ~9 h, charge 10%, empty in ~60 min');
    expect(Math.abs(cause!.predictedAt! - (NOW + HOUR)) / MINUTE).toBeLessThan(5);
  });

  it('leaves a healthy battery and mains power alone', () => {
    expect(detect(unplugged(NOW - 3 * HOUR, 10))).toBeUndefined();
    expect(detect([heartbeat(NOW - MINUTE, { power: 'mains', batteryPct: 5 })])).toBeUndefined();
  });

  it('scores an emptier battery higher', () => {
    const at = (pct: number) =>
      detect([heartbeat(NOW - MINUTE, { power: 'battery', batteryPct: pct })])!.score;
    expect(at(3)).toBeGreaterThan(at(18));
    expect(at(20)).toBeGreaterThanOrEqual(50);
  });

  it('believes a LOW_BATTERY event when the charge is not reported', () => {
    const onBattery = heartbeats(NOW - 2 * HOUR, NOW, { sample: { power: 'battery' } });
    expect(detect(onBattery, [event(NOW - 30 * MINUTE, 'LOW_BATTERY')])?.evidence).toContain(
      'low (LOW_BATTERY event)',
    );
    expect(detect(onBattery)).toBeUndefined();
    expect(detect(onBattery, [event(NOW - 3 * HOUR, 'LOW_BATTERY')])).toBeUndefined();
  });
});
