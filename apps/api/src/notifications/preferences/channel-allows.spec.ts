import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationPreferences,
} from '@fleet/telemetry/api/notifications';
import { channelAllows } from './channel-allows';

const majorAndUp: NotificationPreferences = {
  email: { enabled: true, minSeverity: 'major' },
  sms: { enabled: false, minSeverity: 'warning' },
  in_app: { enabled: false, minSeverity: 'warning' },
};

describe('channelAllows', () => {
  it('carries every severity on email and in_app by default, nothing on sms', () => {
    for (const severity of ['critical', 'major', 'minor', 'warning'] as const) {
      expect(channelAllows(DEFAULT_NOTIFICATION_PREFERENCES, 'email', severity)).toBe(true);
      expect(channelAllows(DEFAULT_NOTIFICATION_PREFERENCES, 'in_app', severity)).toBe(true);
      expect(channelAllows(DEFAULT_NOTIFICATION_PREFERENCES, 'sms', severity)).toBe(false);
    }
  });

  it('carries the minimum severity and more severe ones, not less severe ones', () => {
    expect(channelAllows(majorAndUp, 'email', 'critical')).toBe(true);
    expect(channelAllows(majorAndUp, 'email', 'major')).toBe(true);
    expect(channelAllows(majorAndUp, 'email', 'minor')).toBe(false);
    expect(channelAllows(majorAndUp, 'email', 'warning')).toBe(false);
  });

  it('keeps critical alerts in the inbox even when the inbox is turned off', () => {
    expect(channelAllows(majorAndUp, 'in_app', 'critical')).toBe(true);
    expect(channelAllows(majorAndUp, 'in_app', 'major')).toBe(false);
  });
});
