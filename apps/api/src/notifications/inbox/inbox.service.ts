import { Inject, Injectable } from '@nestjs/common';
import type { InboxItem, InboxResponse, UnreadCount } from '@fleet/telemetry/api/notifications';
import { NOTIFICATION_CLOCK, type Clock } from '../notification-options';
import { InboxEvents } from './inbox-events';
import { InboxRepository, type InboxItemRow } from './inbox.repository';

const LIST_LIMIT = 200;

/** The caller's own inbox; marking items read pushes the new count to their other tabs. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly events: InboxEvents,
    @Inject(NOTIFICATION_CLOCK) private readonly clock: Clock,
  ) {}

  async list(userId: string, unreadOnly: boolean): Promise<InboxResponse> {
    const rows = await this.inbox.list(userId, { unreadOnly, limit: LIST_LIMIT });
    return { items: rows.map(inboxItemView) };
  }

  async unreadCount(userId: string): Promise<UnreadCount> {
    return { unreadCount: await this.inbox.unreadCount(userId) };
  }

  async markRead(userId: string, ids: readonly string[] | 'all'): Promise<UnreadCount> {
    const changed = await this.inbox.markRead(userId, ids, new Date(this.clock.now()));
    const count = await this.unreadCount(userId);
    if (changed > 0) this.events.emit(userId, count.unreadCount);
    return count;
  }
}

function inboxItemView(row: InboxItemRow): InboxItem {
  return {
    id: row.id,
    alertId: row.alert_id,
    title: row.title,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
