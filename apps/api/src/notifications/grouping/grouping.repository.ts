import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import { notificationsDb, type NotificationTables } from '../notification-tables';

/** Alertmanager's timing, per recipient. */
export interface GroupTiming {
  /** How long the first item of a new group waits for others to join it. */
  groupWaitMs: number;
  /** After a group was sent, how long new items for that recipient wait before the next message. */
  groupIntervalMs: number;
}

/** One notice; `bodyByKey` gives a key its own copy of it (the channels its routing rule allows). */
export interface GroupNotice {
  id: string;
  body: Record<string, unknown>;
  bodyByKey?: ReadonlyMap<string, Record<string, unknown>>;
}

/** Rows per statement of addMany: at most 5 parameters each, far under PostgreSQL's 65,535. */
const ADD_CHUNK = 1000;

/** A group whose time came: its items are fixed, whatever joins the recipient's next group. */
export interface SealedGroup {
  key: string;
  sealedAt: Date;
  items: Array<Record<string, unknown>>;
}

/**
 * The group wait in the database: notices collect per recipient key until their group is
 * due (groupWait after its first item, or groupInterval after the recipient's last message),
 * then the group is sealed, turned into outbox rows and released. Nothing waits in memory,
 * so a restart inside the group wait sends the group when it falls due, once.
 */
@Injectable()
export class GroupingRepository {
  private readonly db: Kysely<NotificationTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = notificationsDb(database);
  }

  /**
   * Adds one notice to the open group of each key, opening the group when none is. With
   * `releasing` (an alert id), the held-back opening it tells is let go in the same
   * transaction, so a silence's end tells it exactly once.
   */
  add(
    keys: readonly string[],
    notice: GroupNotice,
    now: Date,
    timing: GroupTiming,
    releasing?: string,
  ): Promise<Date | undefined> {
    return this.addMany([{ keys, notice }], now, timing, releasing);
  }

  /**
   * Adds many notices, each to the open group of each of its keys, in one transaction of a
   * few statements: a wave of 2,000 new alerts for a dozen recipients each, one transaction
   * per alert, queued on the support agents' group rows and ran out of connections.
   * Returns the earliest time one of those groups falls due.
   */
  async addMany(
    entries: ReadonlyArray<{ keys: readonly string[]; notice: GroupNotice }>,
    now: Date,
    timing: GroupTiming,
    releasing?: string,
  ): Promise<Date | undefined> {
    // Sorted, so concurrent writers (several API processes) lock the group rows in one order.
    const keys = [...new Set(entries.flatMap((entry) => entry.keys))].sort();
    if (keys.length === 0 && releasing === undefined) return undefined;
    const items = entries.flatMap(({ keys: itemKeys, notice }) =>
      itemKeys.map((key) => ({
        recipient_key: key,
        notice_id: notice.id,
        notice: JSON.stringify(notice.bodyByKey?.get(key) ?? notice.body),
        added_at: now,
        sealed_at: null,
      })),
    );
    const waitUntil = new Date(now.getTime() + timing.groupWaitMs);
    const intervalStart = new Date(now.getTime() - timing.groupIntervalMs);
    return this.db.transaction().execute(async (trx) => {
      let due: Date | undefined;
      for (let i = 0; i < keys.length; i += ADD_CHUNK) {
        const rows = keys
          .slice(i, i + ADD_CHUNK)
          .map((key) => sql`(${key}, ${waitUntil}::timestamptz, null::timestamptz)`);
        // An open group keeps its time; else a recent message holds this one to the interval.
        const { rows: dueTimes } = await sql<{ flush_at: Date }>`
          insert into notification_groups as g (recipient_key, flush_at, last_sent_at)
          values ${sql.join(rows)}
          on conflict (recipient_key) do update set flush_at = case
            when g.flush_at is not null then g.flush_at
            when g.last_sent_at > ${intervalStart}
              then g.last_sent_at + ${timing.groupIntervalMs}::double precision * interval '1 millisecond'
            else ${waitUntil}::timestamptz
          end
          returning g.flush_at
        `.execute(trx);
        for (const { flush_at } of dueTimes) if (due === undefined || flush_at < due) due = flush_at;
      }
      for (let i = 0; i < items.length; i += ADD_CHUNK)
        await trx
          .insertInto('notification_group_items')
          .values(items.slice(i, i + ADD_CHUNK))
          .onConflict((oc) => oc.columns(['recipient_key', 'notice_id']).doNothing())
          .execute();
      if (releasing !== undefined)
        await trx.deleteFrom('alert_withheld_notices').where('alert_id', '=', releasing).execute();
      return due;
    });
  }

  /**
   * Seals every group due at `now` (its items become one message) and returns every sealed
   * group not yet released: the ones sealed now and any a process left behind when it died,
   * except those in `skip` (this process is still writing them).
   */
  async takeDue(
    now: Date,
    timing: GroupTiming,
    skip: Iterable<SealedGroupName> = [],
  ): Promise<SealedGroup[]> {
    await this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ recipient_key: string }>`
        with due as (
          select recipient_key from notification_groups
          where flush_at <= ${now}
          for update skip locked
        )
        update notification_groups as g set flush_at = null, last_sent_at = ${now}
        from due where g.recipient_key = due.recipient_key
        returning g.recipient_key
      `.execute(trx);
      if (rows.length > 0)
        await trx
          .updateTable('notification_group_items')
          .set({ sealed_at: now })
          .where('sealed_at', 'is', null)
          .where(
            'recipient_key',
            'in',
            rows.map((row) => row.recipient_key),
          )
          .execute();
      // A recipient quiet for a whole interval needs no row: its next group waits the group wait.
      await trx
        .deleteFrom('notification_groups')
        .where('flush_at', 'is', null)
        .where('last_sent_at', '<=', new Date(now.getTime() - timing.groupIntervalMs))
        .execute();
    });
    return this.sealed(skip);
  }

  /** The sealed groups went into the outbox: their items are done. */
  async releaseMany(groups: ReadonlyArray<Pick<SealedGroup, 'key' | 'sealedAt'>>): Promise<void> {
    for (let i = 0; i < groups.length; i += ADD_CHUNK) {
      const pairs = groups.slice(i, i + ADD_CHUNK).map((g) => sql`(${g.key}, ${g.sealedAt}::timestamptz)`);
      await sql`
        delete from notification_group_items
        where (recipient_key, sealed_at) in (${sql.join(pairs)})
      `.execute(this.db);
    }
  }

  /** Notices waiting in open groups, for logs and tests. */
  async pendingCount(): Promise<number> {
    const row = await this.db
      .selectFrom('notification_group_items')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('sealed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async sealed(skip: Iterable<SealedGroupName>): Promise<SealedGroup[]> {
    const skipped = [...skip].map(({ key, sealedAt }) => sql`(${key}::text, ${sealedAt}::timestamptz)`);
    const rows = await this.db
      .selectFrom('notification_group_items')
      .select(['recipient_key', 'sealed_at', 'notice'])
      .where('sealed_at', 'is not', null)
      .$if(skipped.length > 0, (query) =>
        query.where(sql<boolean>`(recipient_key, sealed_at) not in (${sql.join(skipped)})`),
      )
      .orderBy('recipient_key')
      .orderBy('sealed_at')
      .orderBy('id')
      .execute();
    const groups = new Map<string, SealedGroup>();
    for (const row of rows) {
      const sealedAt = row.sealed_at!;
      const id = sealedGroupId({ key: row.recipient_key, sealedAt });
      const group = groups.get(id) ?? { key: row.recipient_key, sealedAt, items: [] };
      group.items.push(row.notice);
      groups.set(id, group);
    }
    return [...groups.values()];
  }
}

/** What names a sealed group: its key and when it was sealed. */
export type SealedGroupName = Pick<SealedGroup, 'key' | 'sealedAt'>;

/** A sealed group's name as one string (a map key). */
export function sealedGroupId(group: SealedGroupName): string {
  return `${group.key}\n${group.sealedAt.toISOString()}`;
}
