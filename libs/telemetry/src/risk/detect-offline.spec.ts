import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from './config';
import { detectOffline } from './detect-offline';
import type { HeartbeatSample, StatusSample } from './history';
import { DAY, heartbeats, HOUR, makeHistory, MINUTE, NOW, openHours } from './fixtures/make-history';

const detect = (now: number, hbs: HeartbeatSample[], status: StatusSample[] = []) =>
  detectOffline(
    makeHistory({ heartbeats: hbs, status, lastSeenAt: hbs[hbs.length - 1]?.ts }),
    now,
    DEFAULT_RISK_CONFIG,
  );

/** A shop open 08:00–22:00 UTC that shuts down cleanly every night, with `days` of history up to `until`. */
function shop(until: number, days = 5): { hbs: HeartbeatSample[]; status: StatusSample[] } {
  const hbs = heartbeats(until - days * DAY, until, { isOn: openHours(8, 22) });
  const status: StatusSample[] = [];
  for (let day = Math.floor((until - days * DAY) / DAY); day * DAY <= until; day++) {
    const open = day * DAY + 8 * HOUR;
    const close = day * DAY + 22 * HOUR;
    if (open <= until) status.push({ ts: open, online: true });
    if (close <= until) status.push({ ts: close, online: false, reason: 'shutdown' });
  }
  return { hbs, status };
}

describe('detectOffline', () => {
  it('flags a 24/7 terminal silent past a few heartbeat intervals', () => {
    const cause = detect(NOW, heartbeats(NOW - 3 * DAY, NOW - 10 * MINUTE));
    expect(cause).toMatchObject({ code: 'OFFLINE', predictedAt: NOW - 10 * MINUTE });
    expect(cause?.evidence).toBe('silent for ~10 min (heartbeat every 60 s, allowance ~4 min)');
    expect(cause!.score).toBeGreaterThanOrEqual(70);
  });

  it('allows a couple of missed heartbeats', () => {
    expect(detect(NOW, heartbeats(NOW - 3 * DAY, NOW - 2 * MINUTE))).toBeUndefined();
  });

  it('scales the allowance with the heartbeat interval', () => {
    expect(detect(NOW, heartbeats(NOW - 3 * DAY, NOW - 2 * HOUR, { intervalS: 3600 }))).toBeUndefined();
    expect(
      detect(NOW, heartbeats(NOW - 3 * DAY, NOW - 4 * HOUR, { intervalS: 3600 }))?.evidenceData.reason,
    ).toBe('silent');
  });

  it('flags a Last Will at once, and forgets it when the terminal comes back', () => {
    const hbs = heartbeats(NOW - 3 * DAY, NOW - 70_000);
    const lost: StatusSample = { ts: NOW - 20_000, online: false, reason: 'lost' };
    const cause = detect(NOW, hbs, [lost]);
    expect(cause?.evidenceData.reason).toBe('lost');
    expect(cause!.score).toBeGreaterThanOrEqual(80);
    expect(cause?.evidence).toMatch(/^connection lost \(Last Will\) at 11:59 UTC/);
    const back = [lost, { ts: NOW - 5_000, online: true }];
    expect(detect(NOW, hbs, back)).toBeUndefined();
    expect(detect(NOW, heartbeats(NOW - 3 * DAY, NOW), [lost])).toBeUndefined();
  });

  it('lets a shop sleep through its usual closed hours after a clean shutdown', () => {
    const lastClose = Date.parse('2024-03-05T22:00:00Z');
    const { hbs, status } = shop(lastClose);
    expect(detect(lastClose + 90 * MINUTE, hbs, status)).toBeUndefined();
    expect(detect(Date.parse('2024-03-06T07:55:00Z'), hbs, status)).toBeUndefined();
    expect(detect(Date.parse('2024-03-06T08:40:00Z'), hbs, status)).toBeUndefined();
  });

  it('questions a clean shutdown only once the shop misses its usual opening', () => {
    const lastClose = Date.parse('2024-03-05T22:00:00Z');
    const { hbs, status } = shop(lastClose);
    const cause = detect(Date.parse('2024-03-06T11:00:00Z'), hbs, status);
    expect(cause?.evidenceData.reason).toBe('shutdown');
    expect(cause?.evidence).toMatch(/missed its usual opening by ~3 h$/);
    expect(cause!.score).toBeLessThan(70);
  });

  it('learns usual hours even without shutdown messages', () => {
    const until = Date.parse('2024-03-05T21:59:00Z');
    const hbs = heartbeats(until - 5 * DAY, until, { isOn: openHours(8, 22) });
    expect(detect(Date.parse('2024-03-06T03:00:00Z'), hbs)).toBeUndefined();
    expect(detect(Date.parse('2024-03-06T10:00:00Z'), hbs)?.evidenceData.reason).toBe('silent');
  });

  it('flags a shop that drops off in the middle of its day', () => {
    const { hbs, status } = shop(Date.parse('2024-03-06T14:00:00Z'));
    const lost: StatusSample = { ts: Date.parse('2024-03-06T14:00:30Z'), online: false, reason: 'lost' };
    expect(detect(Date.parse('2024-03-06T14:01:00Z'), hbs, [...status, lost])?.evidenceData.reason).toBe(
      'lost',
    );
    expect(detect(Date.parse('2024-03-06T14:10:00Z'), hbs, status)?.evidenceData.reason).toBe('silent');
  });

  it('gives a clean shutdown a day of grace while usual hours are unknown', () => {
    const hbs = heartbeats(NOW - 30 * HOUR, NOW - 5 * HOUR);
    const off: StatusSample = { ts: NOW - 5 * HOUR + 1000, online: false, reason: 'shutdown' };
    expect(detect(NOW, hbs, [off])).toBeUndefined();
    expect(detect(NOW + 20 * HOUR, hbs, [off])?.evidenceData.reason).toBe('shutdown');
  });

  it('says nothing about a terminal never heard from', () => {
    expect(detect(NOW, [])).toBeUndefined();
  });
});
