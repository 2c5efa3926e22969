import { describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/manual-clock';
import { DEFAULT_ESCALATION_POLICY, dueActions, type ReminderRule } from './escalation-policy';

const MIN = 60_000;
const T0 = Date.parse('2026-03-04T05:00:00Z');
const rule: ReminderRule = {
  reminderIntervalMs: 30 * MIN,
  maxReminders: 2,
  escalateAfterMs: [45 * MIN, 90 * MIN],
};
const open = { severity: 'critical' as const, state: 'open' as const, openSince: T0 };
const fresh = { remindersSent: 0, level: 1 };

describe('dueActions', () => {
  it('has nothing due before the first interval, then reminder 1 due at opened + interval', () => {
    const clock = new ManualClock(T0);
    clock.advance(30 * MIN - 1);
    expect(dueActions(open, fresh, clock.now(), rule)).toEqual([]);
    clock.advance(1);
    expect(dueActions(open, fresh, clock.now(), rule)).toEqual([
      { kind: 'reminder', number: 1, dueAt: T0 + 30 * MIN },
    ]);
  });

  it('does not repeat a reminder already sent, and stops after maxReminders', () => {
    const clock = new ManualClock(T0 + 40 * MIN);
    const noSteps = { ...rule, escalateAfterMs: [] };
    expect(dueActions(open, { remindersSent: 1, level: 1 }, clock.now(), noSteps)).toEqual([]);
    clock.advance(5 * 60 * MIN);
    expect(dueActions(open, { remindersSent: 1, level: 1 }, clock.now(), noSteps)).toEqual([
      { kind: 'reminder', number: 2, dueAt: T0 + 60 * MIN },
    ]);
    expect(dueActions(open, { remindersSent: 2, level: 1 }, clock.now(), noSteps)).toEqual([]);
  });

  it('stops once the alert is acknowledged, resolved or silenced', () => {
    const late = T0 + 10 * 60 * MIN;
    expect(dueActions({ ...open, state: 'acknowledged' }, fresh, late, rule)).toEqual([]);
    expect(dueActions({ ...open, state: 'resolved' }, fresh, late, rule)).toEqual([]);
    expect(dueActions({ ...open, silenced: true }, fresh, late, rule)).toEqual([]);
  });

  it('escalates level by level in order: level 2 after the first step, level 3 after the second', () => {
    const noReminders = { ...rule, reminderIntervalMs: undefined };
    expect(dueActions(open, fresh, T0 + 45 * MIN - 1, noReminders)).toEqual([]);
    expect(dueActions(open, fresh, T0 + 45 * MIN, noReminders)).toEqual([
      { kind: 'escalation', level: 2, dueAt: T0 + 45 * MIN },
    ]);
    expect(dueActions(open, { remindersSent: 0, level: 2 }, T0 + 89 * MIN, noReminders)).toEqual([]);
    // Down past both steps: both, lowest level first.
    expect(dueActions(open, fresh, T0 + 2 * 60 * MIN, noReminders)).toEqual([
      { kind: 'escalation', level: 2, dueAt: T0 + 45 * MIN },
      { kind: 'escalation', level: 3, dueAt: T0 + 90 * MIN },
    ]);
    expect(dueActions(open, { remindersSent: 0, level: 3 }, T0 + 10 * 60 * MIN, noReminders)).toEqual([]);
  });

  it('after a long gap sends one reminder (the latest due), not a burst', () => {
    const many = { ...rule, maxReminders: 10, escalateAfterMs: [] };
    expect(dueActions(open, fresh, T0 + 100 * MIN, many)).toEqual([
      { kind: 'reminder', number: 3, dueAt: T0 + 90 * MIN },
    ]);
  });

  it('by default reminds critical alerts every 30 minutes and never minor or warning ones', () => {
    const { bySeverity } = DEFAULT_ESCALATION_POLICY;
    const at = T0 + 31 * MIN;
    expect(dueActions(open, fresh, at, bySeverity.critical)).toContainEqual({
      kind: 'reminder',
      number: 1,
      dueAt: T0 + 30 * MIN,
    });
    const late = T0 + 24 * 60 * MIN;
    expect(dueActions({ ...open, severity: 'minor' }, fresh, late, bySeverity.minor)).toEqual([]);
    expect(dueActions({ ...open, severity: 'warning' }, fresh, late, bySeverity.warning)).toEqual([]);
  });
});
