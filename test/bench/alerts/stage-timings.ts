import { sql } from 'kysely';
import { notificationsDb } from '../../../apps/api/src/notifications/notification-tables';
import type { Database } from '../../../apps/api/src/storage/database';
import { summarize } from '../web/stats';
import type { SmtpSink } from './smtp-sink';

/** How often the group tables are read: items live there only until their group is sealed. */
const POLL_MS = 200;

/**
 * Watches the grouping tables while the bench runs, because their rows are deleted once a
 * group went into the outbox: when each notice joined its recipient's group, and every due
 * time (`flush_at`) each group was given.
 */
export class GroupTableWatch {
  /** `${noticeId}|${recipientKey}` → when the notice joined the group (epoch ms). */
  readonly addedAt = new Map<string, number>();
  /** recipient key → every flush_at seen (epoch ms). */
  readonly dueTimes = new Map<string, Set<number>>();
  private lastId = '0';
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();

  constructor(private readonly database: Database) {}

  start(): void {
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll()).catch(() => undefined);
    }, POLL_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
  }

  private async poll(): Promise<void> {
    const db = notificationsDb(this.database);
    const items = await db
      .selectFrom('notification_group_items')
      .select(['id', 'recipient_key', 'notice_id', 'added_at'])
      .where(sql<boolean>`id > ${this.lastId}::bigint`)
      .orderBy('id')
      .execute();
    for (const item of items)
      this.addedAt.set(`${item.notice_id}|${item.recipient_key}`, item.added_at.getTime());
    if (items.length > 0) this.lastId = items[items.length - 1]!.id;
    const groups = await db
      .selectFrom('notification_groups')
      .select(['recipient_key', 'flush_at'])
      .where('flush_at', 'is not', null)
      .execute();
    for (const group of groups) {
      const seen = this.dueTimes.get(group.recipient_key) ?? new Set<number>();
      seen.add(group.flush_at!.getTime());
      this.dueTimes.set(group.recipient_key, seen);
    }
  }
}

interface MailedNotice {
  alerts?: Array<{ id: string; change: string; changedAt: string }>;
}

/**
 * Where the time between an alert's opening and the SMTP 250 of its mail went, per mailed
 * (alert, recipient) notice of `alertIds`: opened → in the recipient's group → the group's
 * due time → the mail in the outbox → claimed by the worker (sent on its first attempt) →
 * accepted by the SMTP server. One line per stage.
 */
export async function stageTimings(
  database: Database,
  sink: SmtpSink,
  watch: GroupTableWatch,
  alertIds: ReadonlySet<string>,
  leaseMs: number,
): Promise<string[]> {
  const rows = await notificationsDb(database)
    .selectFrom('notifications')
    .select(['idempotency_key', 'recipient_user_id', 'created_at', 'sent_at', 'next_attempt_at', 'payload'])
    .where('channel', '=', 'email')
    .execute();
  const byKey = new Map(rows.map((row) => [row.idempotency_key, row]));
  const stages = {
    'opened → grouped': [] as number[],
    'grouped → group due': [] as number[],
    'group due → in outbox': [] as number[],
    'in outbox → claimed': [] as number[],
    'claimed → SMTP 250': [] as number[],
    'SMTP 250 → marked sent': [] as number[],
  };
  let untracked = 0;
  for (const mail of sink.mails) {
    const row = byKey.get(mail.notificationKey);
    if (row === undefined) continue;
    const recipientKey = `user:${row.recipient_user_id}`;
    const enqueuedAt = row.created_at.getTime();
    // A claim sets the next attempt to the lease's end, and sending it leaves that as it is.
    const claimedAt = row.next_attempt_at.getTime() - leaseMs;
    // The group's due time: the latest one it was given before its mail was enqueued.
    const due = Math.max(...[...(watch.dueTimes.get(recipientKey) ?? [])].filter((t) => t <= enqueuedAt));
    for (const notice of (row.payload as MailedNotice).alerts ?? []) {
      if (!alertIds.has(notice.id)) continue;
      const added = watch.addedAt.get(`${notice.id}:${notice.change}:${notice.changedAt}|${recipientKey}`);
      if (added === undefined || !Number.isFinite(due)) {
        untracked++;
        continue;
      }
      stages['opened → grouped'].push(added - Date.parse(notice.changedAt));
      stages['grouped → group due'].push(due - added);
      stages['group due → in outbox'].push(enqueuedAt - due);
      stages['in outbox → claimed'].push(claimedAt - enqueuedAt);
      stages['claimed → SMTP 250'].push(mail.acceptedAt - claimedAt);
      if (row.sent_at !== null)
        stages['SMTP 250 → marked sent'].push(row.sent_at.getTime() - mail.acceptedAt);
    }
  }
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return [
    ...Object.entries(stages).map(([stage, values]) => {
      const x = summarize(values);
      return `stage ${stage}: p50 ${s(x.p50)} s, p95 ${s(x.p95)} s, max ${s(x.max)} s (${x.count} notices)`;
    }),
    ...(untracked > 0 ? [`stage: ${untracked} notices the group watch missed`] : []),
  ];
}
