import { describe, expect, it } from 'vitest';
import { foldOutages, type StatusPoint } from './fold-outages';

const at = (hhmm: string) => new Date(`2026-11-02T${hhmm}:00+08:00`);
const point = (hhmm: string, online: boolean, reason: string | null = null): StatusPoint => ({
  ts: at(hhmm),
  online,
  reason,
});

describe('foldOutages', () => {
  it('pairs a lost link with the next online status', () => {
    expect(foldOutages([point('09:00', true), point('10:00', false, 'lost'), point('10:30', true)])).toEqual([
      { startedAt: at('10:00'), endedByStatus: at('10:30'), reason: 'lost' },
    ]);
  });

  it('keeps the first of repeated offline statuses and leaves an unanswered one open', () => {
    expect(foldOutages([point('22:00', false, 'shutdown'), point('22:05', false, 'lost')])).toEqual([
      { startedAt: at('22:00'), endedByStatus: null, reason: 'shutdown' },
    ]);
  });

  it('reads any reason but shutdown as a lost link', () => {
    expect(
      foldOutages([point('11:00', false, null), point('11:10', true), point('12:00', false, 'odd')]),
    ).toEqual([
      { startedAt: at('11:00'), endedByStatus: at('11:10'), reason: 'lost' },
      { startedAt: at('12:00'), endedByStatus: null, reason: 'lost' },
    ]);
  });
});
