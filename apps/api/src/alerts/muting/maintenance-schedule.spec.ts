import { describe, expect, it } from 'vitest';
import type { MaintenanceSchedule } from '@fleet/telemetry/api/muting';
import { currentOrNextOccurrence, inSchedule } from './maintenance-schedule';

const local = (text: string) => Date.parse(`${text}+08:00`);

describe('maintenance windows in Asia/Shanghai', () => {
  it('holds a one-off window from its start to just before its end', () => {
    const once: MaintenanceSchedule = {
      kind: 'once',
      startsAt: '2026-12-07T01:00:00+08:00',
      endsAt: '2026-12-07T03:00:00+08:00',
    };
    expect(inSchedule(once, local('2026-12-07T00:59:59'))).toBe(false);
    expect(inSchedule(once, local('2026-12-07T01:00:00'))).toBe(true);
    expect(inSchedule(once, local('2026-12-07T02:59:59'))).toBe(true);
    expect(inSchedule(once, local('2026-12-07T03:00:00'))).toBe(false);
  });

  // 2026-12-11 is a Friday.
  const fridayNight: MaintenanceSchedule = {
    kind: 'weekly',
    days: [5],
    start: '22:00',
    durationMinutes: 240,
  };

  it('runs a weekly window across midnight into the next day, from the day it started', () => {
    expect(inSchedule(fridayNight, local('2026-12-11T21:59'))).toBe(false);
    expect(inSchedule(fridayNight, local('2026-12-11T22:00'))).toBe(true);
    expect(inSchedule(fridayNight, local('2026-12-12T01:30'))).toBe(true);
    expect(inSchedule(fridayNight, local('2026-12-12T02:00'))).toBe(false);
    // Friday's small hours belong to Thursday's night, which is not in the window.
    expect(inSchedule(fridayNight, local('2026-12-11T01:30'))).toBe(false);
    expect(inSchedule(fridayNight, local('2026-12-18T23:00'))).toBe(true);
  });

  it('takes the start as China time, whatever the UTC date', () => {
    // 22:00 in Shanghai on Friday is 14:00 UTC the same day; 01:30 Saturday is 17:30 UTC Friday.
    expect(inSchedule(fridayNight, Date.parse('2026-12-11T14:00:00Z'))).toBe(true);
    expect(inSchedule(fridayNight, Date.parse('2026-12-11T17:30:00Z'))).toBe(true);
    expect(inSchedule(fridayNight, Date.parse('2026-12-11T13:59:00Z'))).toBe(false);
  });

  it('keeps the same local hours on the dates other zones change their clocks (no DST in China)', () => {
    const daily: MaintenanceSchedule = {
      kind: 'weekly',
      days: [1, 2, 3, 4, 5, 6, 7],
      start: '02:00',
      durationMinutes: 60,
    };
    // Europe and the US move their clocks on these nights; Shanghai does not.
    for (const day of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01']) {
      expect(inSchedule(daily, local(`${day}T01:59`)), day).toBe(false);
      expect(inSchedule(daily, local(`${day}T02:00`)), day).toBe(true);
      expect(inSchedule(daily, local(`${day}T02:59`)), day).toBe(true);
      expect(inSchedule(daily, local(`${day}T03:00`)), day).toBe(false);
    }
  });

  it('reaches back more than a day for a long window (Saturday 20:00 for 36 hours)', () => {
    const weekend: MaintenanceSchedule = {
      kind: 'weekly',
      days: [6],
      start: '20:00',
      durationMinutes: 36 * 60,
    };
    expect(inSchedule(weekend, local('2026-12-12T20:00'))).toBe(true);
    expect(inSchedule(weekend, local('2026-12-14T07:59'))).toBe(true);
    expect(inSchedule(weekend, local('2026-12-14T08:00'))).toBe(false);
    expect(inSchedule(weekend, local('2026-12-12T19:59'))).toBe(false);
  });

  describe('the occurrence shown to people: the one in effect, or else the next', () => {
    const span = (schedule: MaintenanceSchedule, at: string) => {
      const occurrence = currentOrNextOccurrence(schedule, local(at));
      return occurrence && [occurrence.startsAt, occurrence.endsAt];
    };

    it('gives a one-off window until it ends, then nothing', () => {
      const once: MaintenanceSchedule = {
        kind: 'once',
        startsAt: '2026-12-07T01:00:00+08:00',
        endsAt: '2026-12-07T03:00:00+08:00',
      };
      const whole = [local('2026-12-07T01:00'), local('2026-12-07T03:00')];
      expect(span(once, '2026-12-06T12:00')).toEqual(whole);
      expect(span(once, '2026-12-07T02:00')).toEqual(whole);
      expect(span(once, '2026-12-07T03:00')).toBeUndefined();
    });

    it('gives the Friday night a window is in, and the next Friday once it is over', () => {
      // Saturday 01:30 is inside Friday's 22:00–02:00.
      expect(span(fridayNight, '2026-12-12T01:30')).toEqual([
        local('2026-12-11T22:00'),
        local('2026-12-12T02:00'),
      ]);
      expect(span(fridayNight, '2026-12-12T02:00')).toEqual([
        local('2026-12-18T22:00'),
        local('2026-12-19T02:00'),
      ]);
      // On Friday itself before the start: tonight's.
      expect(span(fridayNight, '2026-12-11T21:59')).toEqual([
        local('2026-12-11T22:00'),
        local('2026-12-12T02:00'),
      ]);
    });

    it('picks the nearest of several weekdays', () => {
      const tueThu: MaintenanceSchedule = {
        kind: 'weekly',
        days: [4, 2],
        start: '03:00',
        durationMinutes: 30,
      };
      // 2026-12-09 is a Wednesday: Thursday comes first.
      expect(span(tueThu, '2026-12-09T12:00')).toEqual([
        local('2026-12-10T03:00'),
        local('2026-12-10T03:30'),
      ]);
      // Thursday after its window: next Tuesday.
      expect(span(tueThu, '2026-12-10T03:30')).toEqual([
        local('2026-12-15T03:00'),
        local('2026-12-15T03:30'),
      ]);
    });
  });
});
