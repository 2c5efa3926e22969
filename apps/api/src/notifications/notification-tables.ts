import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../storage/database';

export const NOTIFICATION_CHANNELS = ['email', 'webhook', 'sms', 'in_app', 'push'] as const;
export type NotificationChannelKind = (typeof NOTIFICATION_CHANNELS)[number];
export type NotificationState = 'pending' | 'sending' | 'sent' | 'failed';
export type AttemptOutcome = 'sent' | 'retry' | 'failed';

/** Row shapes of the tables migration 0012_notifications creates. */
export interface NotificationsTable {
  id: Generated<string>;
  recipient_user_id: string | null;
  channel: NotificationChannelKind;
  address: string;
  idempotency_key: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
  state: ColumnType<NotificationState, NotificationState | undefined, NotificationState>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: ColumnType<Date, Date, never>;
  sent_at: Date | null;
  /** 0023_report_subscriptions: the archived report a mail carries as its attachments. */
  attachment_archive_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface NotificationAttemptsTable {
  id: Generated<number>;
  notification_id: string;
  at: Date;
  outcome: AttemptOutcome;
  error: string | null;
}

/** Rows of migration 0015_inbox_preferences. */
export interface InboxItemsTable {
  id: Generated<string>;
  user_id: string;
  notification_id: string | null;
  alert_id: string | null;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  channels: ColumnType<Record<string, unknown>, string, string>;
  updated_at: Date;
}

/** Rows of migration 0022_notification_groups: notices waiting out their group wait. */
export interface NotificationGroupsTable {
  recipient_key: string;
  flush_at: Date | null;
  last_sent_at: Date | null;
}

export interface NotificationGroupItemsTable {
  id: Generated<string>;
  recipient_key: string;
  notice_id: string;
  notice: ColumnType<Record<string, unknown>, string, string>;
  added_at: Date;
  sealed_at: Date | null;
}

/** An opening a silence or a maintenance window held back (migration 0022). */
export interface AlertWithheldNoticesTable {
  alert_id: string;
  change: 'opened' | 'reopened';
  changed_at: Date;
}

// A type alias, not an interface: Kysely's withTables wants an indexable record.
export type NotificationTables = {
  notifications: NotificationsTable;
  notification_attempts: NotificationAttemptsTable;
  inbox_items: InboxItemsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_groups: NotificationGroupsTable;
  notification_group_items: NotificationGroupItemsTable;
  alert_withheld_notices: AlertWithheldNoticesTable;
};

/** The shared database seen with this module's tables typed. */
export function notificationsDb(database: Database): Kysely<NotificationTables> {
  return database.db.withTables<NotificationTables>() as unknown as Kysely<NotificationTables>;
}
