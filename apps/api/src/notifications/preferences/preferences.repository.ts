import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  notificationPreferencesSchema,
  type NotificationPreferences,
} from '@fleet/telemetry/api/notifications';
import { DATABASE, type Database } from '../../storage/database';
import { notificationsDb, type NotificationTables } from '../notification-tables';

/** Each user's channel choices; a user without a row has the defaults. */
@Injectable()
export class PreferencesRepository {
  private readonly db: Kysely<NotificationTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = notificationsDb(database);
  }

  async of(userId: string): Promise<NotificationPreferences> {
    return (await this.ofMany([userId])).get(userId) ?? DEFAULT_NOTIFICATION_PREFERENCES;
  }

  /** By user id; ids without a row are absent (their defaults apply). */
  async ofMany(userIds: readonly string[]): Promise<Map<string, NotificationPreferences>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('notification_preferences')
      .select(['user_id', 'channels'])
      .where('user_id', 'in', [...userIds])
      .execute();
    // A row written before a channel existed falls back to the defaults rather than failing delivery.
    return new Map(
      rows.map((row) => {
        const parsed = notificationPreferencesSchema.safeParse(row.channels);
        return [row.user_id, parsed.success ? parsed.data : DEFAULT_NOTIFICATION_PREFERENCES];
      }),
    );
  }

  async save(userId: string, preferences: NotificationPreferences, now: Date): Promise<void> {
    const channels = JSON.stringify(preferences);
    await this.db
      .insertInto('notification_preferences')
      .values({ user_id: userId, channels, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ channels, updated_at: now }))
      .execute();
  }
}
