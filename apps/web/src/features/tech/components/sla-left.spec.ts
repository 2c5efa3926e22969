import { describe, expect, it } from 'vitest';
import { formatSpan, shownSla, slaLeft } from './sla-left';

describe('slaLeft', () => {
  const now = Date.parse('2026-03-04T05:00:00Z');

  it('counts down minutes, hours and days', () => {
    expect(slaLeft('2026-03-04T05:45:30Z', now)).toEqual({ overdue: false, span: '45 min' });
    expect(slaLeft('2026-03-04T07:05:00Z', now)).toEqual({ overdue: false, span: '2 h 05 min' });
    expect(slaLeft('2026-03-07T09:00:00Z', now)).toEqual({ overdue: false, span: '3 d 4 h' });
  });

  it('says how long overdue once the time has passed', () => {
    expect(slaLeft('2026-03-04T04:30:00Z', now)).toEqual({ overdue: true, span: '30 min' });
    expect(formatSpan(0)).toBe('0 min');
  });
});

describe('shownSla', () => {
  const now = Date.parse('2026-03-04T05:00:00Z');
  const order = { slaDueAt: '2026-03-04T07:05:00Z', slaState: 'on_track' } as const;

  it('counts down an open job and marks it breached once overdue', () => {
    expect(shownSla({ ...order, state: 'en_route' }, now)).toEqual({
      closed: false,
      modifier: 'on_track',
      overdue: false,
      span: '2 h 05 min',
    });
    expect(shownSla({ ...order, state: 'accepted' }, Date.parse('2026-03-04T08:05:00Z'))).toMatchObject({
      closed: false,
      modifier: 'breached',
      overdue: true,
    });
  });

  it('shows only the final SLA state of a resolved, failed or cancelled job, never time left', () => {
    for (const state of ['resolved', 'cannot_complete', 'cancelled'] as const)
      expect(shownSla({ ...order, state, slaState: 'met' }, now)).toEqual({ closed: true, modifier: 'met' });
    expect(shownSla({ ...order, state: 'resolved', slaState: 'breached' }, now)).toEqual({
      closed: true,
      modifier: 'breached',
    });
  });
});
