import { z } from 'zod';
import { ALERT_SEVERITIES } from './alerts';
import { localTimeSchema } from './muting';

/** HTTP contract of a user's inbox and notification preferences (issue #12). */

/** The channels a user chooses among; webhooks are endpoints, not people. */
export const USER_NOTIFICATION_CHANNELS = ['email', 'sms', 'in_app'] as const;
export type UserNotificationChannel = (typeof USER_NOTIFICATION_CHANNELS)[number];

/** One channel: on or off, and the least severe alert it carries. */
export const channelPreferenceSchema = z.object({
  enabled: z.boolean(),
  minSeverity: z.enum(ALERT_SEVERITIES),
});
export type ChannelPreference = z.infer<typeof channelPreferenceSchema>;

/** `GET/PUT /users/me/notification-preferences`: every channel, each named. */
export const notificationPreferencesSchema = z.strictObject({
  email: channelPreferenceSchema,
  sms: channelPreferenceSchema,
  in_app: channelPreferenceSchema,
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** email and in_app on for every severity, sms off. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  email: { enabled: true, minSeverity: 'warning' },
  sms: { enabled: false, minSeverity: 'warning' },
  in_app: { enabled: true, minSeverity: 'warning' },
};

/**
 * A user's quiet hours, local `HH:MM` in Asia/Shanghai; a start after the end runs across
 * midnight (22:00–07:00). Their e-mail and SMS wait until the end; the inbox does not.
 */
export const quietHoursSchema = z
  .strictObject({
    start: localTimeSchema,
    end: localTimeSchema,
    /** A message holding a critical notice goes out at once anyway; true when absent. */
    criticalOverride: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .refine((q) => q.start !== q.end, { path: ['end'], message: 'must differ from start' });
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** `GET/PUT /users/me/quiet-hours`: the caller's own, null for none. */
export const myQuietHoursSchema = z.strictObject({ quietHours: quietHoursSchema.nullable() });
export type MyQuietHours = z.infer<typeof myQuietHoursSchema>;

/** One notice in a user's inbox; `readAt` null while unread. */
export const inboxItemSchema = z.object({
  id: z.string(),
  alertId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** `GET /notifications/inbox`, newest first. */
export const inboxResponseSchema = z.object({ items: z.array(inboxItemSchema) });
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

/** `GET /notifications/inbox/unread-count`, the answer of both `read` calls and the `inbox.changed` event. */
export const unreadCountSchema = z.object({ unreadCount: z.number().int().nonnegative() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/** `POST /notifications/inbox/read`. */
export const markInboxReadSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });
export type MarkInboxRead = z.infer<typeof markInboxReadSchema>;
