import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_OPTIONS, alertOptionsFrom } from '../alerts/alert-options';
import {
  DEFAULT_ESCALATION_POLICY,
  escalationPolicyFrom,
} from '../notifications/escalation/escalation-policy';
import { DEFAULT_NOTIFICATION_OPTIONS, notificationOptionsFrom } from '../notifications/notification-options';
import { loadConfig } from './app-config';

describe('loadConfig: alert and notification timing', () => {
  it('keeps the typed defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.alerting).toEqual({ reminders: {} });
    expect(alertOptionsFrom(config)).toEqual(DEFAULT_ALERT_OPTIONS);
    expect(notificationOptionsFrom(config)).toEqual(DEFAULT_NOTIFICATION_OPTIONS);
    expect(escalationPolicyFrom(config)).toEqual(DEFAULT_ESCALATION_POLICY);
  });

  it('shortens the resolve hold, the group timing and the escalation pass', () => {
    const config = loadConfig({
      ALERT_RESOLVE_HOLD_S: '6',
      NOTIFY_GROUP_WAIT_S: '2',
      NOTIFY_GROUP_INTERVAL_S: '3',
      NOTIFY_ESCALATION_EVALUATE_S: '1',
    });
    expect(alertOptionsFrom(config).resolveHoldMinutes).toBe(0.1);
    // A cause with a hold of its own keeps it.
    expect(alertOptionsFrom(config).causes.WEAK_SIGNAL.clearHoldMinutes).toBe(30);
    expect(notificationOptionsFrom(config).grouping).toEqual({ groupWaitMs: 2_000, groupIntervalMs: 3_000 });
    expect(escalationPolicyFrom(config).evaluateEveryMs).toBe(1_000);
  });

  it('caps every cause’s raise time at ALERT_RAISE_AFTER_S, and leaves shorter ones and the holds as they were', () => {
    const options = alertOptionsFrom(loadConfig({ ALERT_RAISE_AFTER_S: '3' }));
    expect(options.causes.COMM_MODULE_FAULT).toEqual({ raiseAfterMinutes: 0.05 });
    expect(options.causes.WEAK_SIGNAL).toEqual({ raiseAfterMinutes: 0.05, clearHoldMinutes: 30 });
    expect(options.causes.SIM_DATA_EXHAUSTION).toEqual({ raiseAfterMinutes: 0 });
    expect(options.resolveHoldMinutes).toBe(DEFAULT_ALERT_OPTIONS.resolveHoldMinutes);
    expect(alertOptionsFrom(loadConfig({ ALERT_RAISE_AFTER_S: '3600' })).causes).toEqual(
      DEFAULT_ALERT_OPTIONS.causes,
    );
  });

  it('gives the severities NOTIFY_REMINDERS names reminders, and leaves the others as they were', () => {
    const policy = escalationPolicyFrom(loadConfig({ NOTIFY_REMINDERS: 'minor:20:3, critical:600:2' }));
    expect(policy.bySeverity.minor).toEqual({
      reminderIntervalMs: 20_000,
      maxReminders: 3,
      escalateAfterMs: [],
    });
    expect(policy.bySeverity.critical).toMatchObject({ reminderIntervalMs: 600_000, maxReminders: 2 });
    expect(policy.bySeverity.major).toEqual(DEFAULT_ESCALATION_POLICY.bySeverity.major);
  });

  it.each([
    ['NOTIFY_REMINDERS', 'minor:20', 'NOTIFY_REMINDERS must be severity:intervalSeconds:maxReminders'],
    ['NOTIFY_REMINDERS', 'urgent:20:3', 'NOTIFY_REMINDERS must be severity:intervalSeconds:maxReminders'],
    ['NOTIFY_REMINDERS', 'minor:0:3', 'NOTIFY_REMINDERS intervals must be at least 1 second'],
    ['NOTIFY_GROUP_WAIT_S', '0', 'NOTIFY_GROUP_WAIT_S'],
    ['NOTIFY_GROUP_WAIT_S', 'soon', 'NOTIFY_GROUP_WAIT_S'],
    ['ALERT_RESOLVE_HOLD_S', '1.5', 'ALERT_RESOLVE_HOLD_S'],
    ['ALERT_RAISE_AFTER_S', '0', 'ALERT_RAISE_AFTER_S'],
  ])('names %s when it is %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
