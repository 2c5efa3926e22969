import type { NotifiableAlert } from '../messages/notifiable-alert';

/** A notice as a group item keeps it (JSON: its instants as ISO strings). */
export function storedNotice(alert: NotifiableAlert): Record<string, unknown> {
  return { ...alert, changedAt: alert.changedAt.toISOString(), openedAt: alert.openedAt.toISOString() };
}

/** The notice a group item holds, with its instants as dates again. */
export function noticeFromStored(stored: Record<string, unknown>): NotifiableAlert {
  const notice = stored as unknown as NotifiableAlert & { changedAt: string; openedAt: string };
  return { ...notice, changedAt: new Date(notice.changedAt), openedAt: new Date(notice.openedAt) };
}
