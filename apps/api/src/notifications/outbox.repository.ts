import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { DATABASE, type Database } from '../storage/database';
import {
  notificationsDb,
  type AttemptOutcome,
  type NotificationAttemptsTable,
  type NotificationChannelKind,
  type NotificationTables,
  type NotificationsTable,
} from './notification-tables';

export type NotificationRow = Selectable<NotificationsTable>;
export type AttemptRow = Selectable<NotificationAttemptsTable>;

export interface NewNotification {
  recipientUserId: string | null;
  channel: NotificationChannelKind;
  address: string;
  /** Enqueueing the same key again changes nothing: one notification per key. */
  idempotencyKey: string;
  subject: string;
  bodyText: string;
  bodyHtml?: string;
  payload?: Record<string, unknown>;
  /** When it may first be sent; now when unset. */
  dueAt?: Date;
  /** An archived report whose files the mail attaches, read when it is sent (never copied here). */
  attachmentArchiveId?: string;
}

/** A row this worker holds until `next_attempt_at`; `attempts` counts this attempt. */
export type ClaimedNotification = NotificationRow;

/**
 * The outbox's SQL. Claims are one statement each (`FOR UPDATE SKIP LOCKED` inside an
 * UPDATE), so several API processes each take different rows and hold no lock while
 * they send; the outcome is written afterwards in a second short transaction.
 */
@Injectable()
export class OutboxRepository {
  private readonly db: Kysely<NotificationTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = notificationsDb(database);
  }

  /** The notification's id, and whether this call created it (false: the key existed). */
  async enqueue(notification: NewNotification, now: Date): Promise<{ id: string; created: boolean }> {
    const inserted = await this.db
      .insertInto('notifications')
      .values(outboxRow(notification, now))
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    const existing = await this.db
      .selectFrom('notifications')
      .select('id')
      .where('idempotency_key', '=', notification.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }

  /**
   * Many at once, a few statements instead of one per row (an outage's inbox notices are
   * thousands): keys already present are skipped. Returns how many rows were created.
   */
  async enqueueMany(notifications: readonly NewNotification[], now: Date): Promise<number> {
    let created = 0;
    for (let i = 0; i < notifications.length; i += ENQUEUE_CHUNK) {
      const rows = notifications.slice(i, i + ENQUEUE_CHUNK).map((n) => outboxRow(n, now));
      const inserted = await this.db
        .insertInto('notifications')
        .values(rows)
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .executeTakeFirst();
      created += Number(inserted.numInsertedOrUpdatedRows ?? 0n);
    }
    return created;
  }

  /**
   * Takes up to `limit` due rows: pending ones whose time has come, and `sending` ones
   * whose claim lapsed (their sender died before writing the outcome). Each is moved to
   * `sending` until now + leaseMs, with its attempt counted. `channels` narrows it to those.
   */
  async claimDue(
    now: Date,
    limit: number,
    leaseMs: number,
    channels?: readonly NotificationChannelKind[],
  ): Promise<ClaimedNotification[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const ofChannels = channels === undefined ? sql`true` : sql`channel in (${sql.join(channels)})`;
    const { rows } = await sql<ClaimedNotification>`
      with due as (
        select id from notifications
        where state in ('pending', 'sending') and next_attempt_at <= ${now} and ${ofChannels}
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked
      )
      update notifications as n
      set state = 'sending', attempts = n.attempts + 1, next_attempt_at = ${leaseUntil}
      from due
      where n.id = due.id
      returning n.*
    `.execute(this.db);
    return rows;
  }

  /** Delivered. Ignored (false) when the claim lapsed and another worker took the row. */
  markSent(claimed: ClaimedNotification, now: Date): Promise<boolean> {
    return this.finish(claimed, now, 'sent', null, { state: 'sent', sent_at: now, last_error: null });
  }

  /** Failed for now: pending again at `retryAt`. */
  markRetry(claimed: ClaimedNotification, now: Date, error: string, retryAt: Date): Promise<boolean> {
    return this.finish(claimed, now, 'retry', error, {
      state: 'pending',
      next_attempt_at: retryAt,
      last_error: error,
    });
  }

  /** Given up: a permanent error or the last attempt allowed. */
  markFailed(claimed: ClaimedNotification, now: Date, error: string): Promise<boolean> {
    return this.finish(claimed, now, 'failed', error, { state: 'failed', last_error: error });
  }

  /**
   * Marks claimed rows sent in one transaction with `write`, the delivery itself when it is a
   * write to this database (the inbox): it happens exactly once, and thousands cost a few
   * statements instead of several round trips each. `write` gets the rows still ours (not
   * re-claimed by another worker); a failure rolls everything back. Returns those rows.
   */
  sendWithin(
    claimed: readonly ClaimedNotification[],
    now: Date,
    write: (trx: Transaction<NotificationTables>, ours: ClaimedNotification[]) => Promise<void>,
  ): Promise<ClaimedNotification[]> {
    if (claimed.length === 0) return Promise.resolve([]);
    return this.db.transaction().execute(async (trx) => {
      const claims = claimed.map((row) => sql`(${row.id}::uuid, ${row.attempts}::int)`);
      const { rows } = await sql<{ id: string }>`
        update notifications as n
        set state = 'sent', sent_at = ${now}, last_error = null
        from (values ${sql.join(claims)}) as c(id, attempts)
        where n.id = c.id and n.state = 'sending' and n.attempts = c.attempts
        returning n.id
      `.execute(trx);
      const oursIds = new Set(rows.map((row) => String(row.id)));
      const ours = claimed.filter((row) => oursIds.has(String(row.id)));
      await write(trx, ours);
      await trx
        .insertInto('notification_attempts')
        .values(
          claimed.map((row) => ({ notification_id: row.id, at: now, outcome: 'sent' as const, error: null })),
        )
        .execute();
      return ours;
    });
  }

  findById(id: string): Promise<NotificationRow | undefined> {
    return this.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByKey(idempotencyKey: string): Promise<NotificationRow | undefined> {
    return this.db
      .selectFrom('notifications')
      .selectAll()
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
  }

  attemptsOf(notificationId: string): Promise<AttemptRow[]> {
    return this.db
      .selectFrom('notification_attempts')
      .selectAll()
      .where('notification_id', '=', notificationId)
      .orderBy('id')
      .execute();
  }

  private finish(
    claimed: ClaimedNotification,
    now: Date,
    outcome: AttemptOutcome,
    error: string | null,
    changes: {
      state: 'sent' | 'pending' | 'failed';
      sent_at?: Date;
      next_attempt_at?: Date;
      last_error: string | null;
    },
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // Still ours only while nobody re-claimed it: same state and attempt number.
      const updated = await trx
        .updateTable('notifications')
        .set(changes)
        .where('id', '=', claimed.id)
        .where('state', '=', 'sending')
        .where('attempts', '=', claimed.attempts)
        .executeTakeFirst();
      await trx
        .insertInto('notification_attempts')
        .values({ notification_id: claimed.id, at: now, outcome, error })
        .execute();
      return updated.numUpdatedRows > 0n;
    });
  }
}

/** Rows per INSERT of enqueueMany: 14 parameters each, far under PostgreSQL's 65,535. */
const ENQUEUE_CHUNK = 500;

function outboxRow(notification: NewNotification, now: Date) {
  return {
    recipient_user_id: notification.recipientUserId,
    channel: notification.channel,
    address: notification.address,
    idempotency_key: notification.idempotencyKey,
    subject: notification.subject,
    body_text: notification.bodyText,
    body_html: notification.bodyHtml ?? null,
    payload: JSON.stringify(notification.payload ?? {}),
    next_attempt_at: notification.dueAt ?? now,
    last_error: null,
    created_at: now,
    sent_at: null,
    attachment_archive_id: notification.attachmentArchiveId ?? null,
  };
}
