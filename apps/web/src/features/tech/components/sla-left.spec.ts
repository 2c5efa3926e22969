import { describe, expect, it } from 'vitest';
import { formatSpan, slaLeft } from './sla-left';

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
