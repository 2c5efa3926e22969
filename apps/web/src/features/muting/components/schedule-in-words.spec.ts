import { describe, expect, it } from 'vitest';
import type { MaintenanceWindowView } from '@fleet/telemetry/api/muting';
import { translate, type Translate } from '../../../lib/i18n/translate';
import { durationInWords, nextInWords, scheduleInWords } from './schedule-in-words';

const en: Translate = (key, vars) => translate('en', key, vars);
const zh: Translate = (key, vars) => translate('zh-CN', key, vars);

const window = (over: Partial<MaintenanceWindowView>): MaintenanceWindowView => ({
  id: 'w1',
  scope: { region: 'Beijing' },
  schedule: { kind: 'weekly', days: [7, 6], start: '23:00', durationMinutes: 240 },
  comment: 'weekend swaps',
  createdBy: 'agent',
  createdAt: '2026-12-01T00:00:00.000Z',
  activeNow: false,
  nextOccurrence: { startsAt: '2026-12-12T15:00:00.000Z', endsAt: '2026-12-12T19:00:00.000Z' },
  ...over,
});

describe('maintenance schedules in words', () => {
  it('says a duration in hours and minutes', () => {
    expect(durationInWords(240, en)).toBe('4 h');
    expect(durationInWords(90, en)).toBe('1 h 30 min');
    expect(durationInWords(45, en)).toBe('45 min');
  });

  it('lists a weekly window’s days in week order, in each language', () => {
    const { schedule } = window({});
    expect(scheduleInWords(schedule, en, 'en')).toBe('Sat, Sun at 23:00 for 4 h');
    expect(scheduleInWords(schedule, zh, 'zh-CN')).toBe('周六, 周日 23:00 起 4 小时');
  });

  it('says a window in effect runs until its end, and one that is over is over', () => {
    const active = window({ activeNow: true });
    expect(nextInWords(active, en, 'en')).toMatch(/^In effect until /);
    expect(nextInWords(window({ nextOccurrence: null }), en, 'en')).toBe('Over');
    expect(nextInWords(window({}), en, 'en')).toMatch(/ – /);
  });
});
