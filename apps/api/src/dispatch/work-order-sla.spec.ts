import { describe, expect, it } from 'vitest';
import { isoWeekday, localMidnight } from '../alerts/muting/china-time';
import { DEFAULT_DISPATCH_OPTIONS } from './dispatch-options';
import { slaDueAt, slaState, type SlaFacts } from './work-order-sla';
import { WorkingCalendar } from './working-calendar';

const SLA = DEFAULT_DISPATCH_OPTIONS.sla;
/** Local time in Asia/Shanghai. 2026-03-02 is a Monday. */
const cn = (local: string) => Date.parse(`${local}:00+08:00`);
const iso = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 16);
const BUSINESS = WorkingCalendar.of(null, SLA.businessHours);
const due = (priority: Parameters<typeof slaDueAt>[0], at: string, calendar = BUSINESS) =>
  iso(slaDueAt(priority, cn(at), calendar, SLA));

describe('SLA due times in business hours (Mon–Fri 09:00–18:00, Asia/Shanghai)', () => {
  it('starts from a Monday', () => {
    expect(isoWeekday(localMidnight(cn('2026-03-02T12:00')))).toBe(1);
  });

  it.each([
    ['2026-03-02T10:00', '2026-03-02T14:00', 'inside the day'],
    ['2026-03-02T09:00', '2026-03-02T13:00', 'at opening'],
    ['2026-03-02T14:00', '2026-03-02T18:00', 'ending exactly at closing'],
    ['2026-03-02T16:00', '2026-03-03T11:00', 'carried over the night'],
    ['2026-03-02T18:00', '2026-03-03T13:00', 'made at closing'],
    ['2026-03-02T07:30', '2026-03-02T13:00', 'made before opening'],
    ['2026-03-06T17:00', '2026-03-09T12:00', 'carried over the weekend'],
    ['2026-03-07T10:00', '2026-03-09T13:00', 'made on a Saturday'],
  ])('urgent made %s is due %s (%s)', (at, expected) => {
    expect(due('urgent', at)).toBe(expected);
  });

  it.each([
    ['2026-03-02T10:00', '2026-03-03T18:00', 'Monday: Tuesday’s close'],
    ['2026-03-02T08:00', '2026-03-03T18:00', 'before Monday opens: still Tuesday'],
    ['2026-03-02T23:00', '2026-03-03T18:00', 'Monday night: Tuesday'],
    ['2026-03-06T17:59', '2026-03-09T18:00', 'Friday: Monday'],
    ['2026-03-07T10:00', '2026-03-09T18:00', 'Saturday: Monday'],
  ])('next business day made %s is due %s (%s)', (at, expected) => {
    expect(due('next_business_day', at)).toBe(expected);
  });

  it('gives a standard order five business days, skipping the weekend', () => {
    expect(due('standard', '2026-03-02T10:00')).toBe('2026-03-09T18:00');
    expect(due('standard', '2026-03-06T10:00')).toBe('2026-03-13T18:00');
  });
});

describe('SLA due times in the merchant’s shop hours', () => {
  it('counts every day the shop is open, weekends too', () => {
    const shop = WorkingCalendar.of({ open: '10:00', close: '22:00' }, SLA.businessHours);
    expect(due('urgent', '2026-03-07T20:00', shop)).toBe('2026-03-08T12:00');
    expect(due('next_business_day', '2026-03-07T20:00', shop)).toBe('2026-03-08T22:00');
    expect(due('standard', '2026-03-07T20:00', shop)).toBe('2026-03-12T22:00');
  });

  it('runs a shop open past midnight on into the next day, as part of the day it opened', () => {
    const late = WorkingCalendar.of({ open: '18:00', close: '02:00' }, SLA.businessHours);
    // Tuesday 01:00 is still Monday's evening: one hour left, then Tuesday from 18:00.
    expect(due('urgent', '2026-03-03T01:00', late)).toBe('2026-03-03T21:00');
    expect(due('next_business_day', '2026-03-03T01:00', late)).toBe('2026-03-04T02:00');
    expect(due('urgent', '2026-03-03T12:00', late)).toBe('2026-03-03T22:00');
  });

  it('treats equal opening and closing times as open all day', () => {
    const always = WorkingCalendar.of({ open: '00:00', close: '00:00' }, SLA.businessHours);
    expect(due('urgent', '2026-03-07T23:00', always)).toBe('2026-03-08T03:00');
  });
});

describe('SLA state', () => {
  // Monday 10:00 → Tuesday 18:00: 8 + 9 = 17 working hours; at risk with under 4 h 15 min left.
  const order: SlaFacts = {
    state: 'assigned',
    createdAt: cn('2026-03-02T10:00'),
    dueAt: cn('2026-03-03T18:00'),
  };
  const state = (at: string, facts: SlaFacts = order) => slaState(facts, cn(at), BUSINESS, SLA);

  it('is on track until less than a quarter of the working time is left', () => {
    expect(state('2026-03-02T23:00')).toBe('on_track');
    expect(state('2026-03-03T13:45')).toBe('on_track');
    expect(state('2026-03-03T13:46')).toBe('at_risk');
  });

  it('is breached only after the due time', () => {
    expect(state('2026-03-03T18:00')).toBe('at_risk');
    expect(state('2026-03-03T18:01')).toBe('breached');
  });

  it('is met when resolved by the due time, breached when resolved later, whatever the time now', () => {
    expect(state('2026-03-10T10:00', { ...order, state: 'resolved', closedAt: cn('2026-03-03T17:00') })).toBe(
      'met',
    );
    expect(state('2026-03-10T10:00', { ...order, state: 'resolved', closedAt: cn('2026-03-03T18:30') })).toBe(
      'breached',
    );
  });

  it('keeps the state a cancelled order had when it was cancelled', () => {
    expect(
      state('2026-03-10T10:00', { ...order, state: 'cancelled', closedAt: cn('2026-03-02T11:00') }),
    ).toBe('on_track');
  });
});
