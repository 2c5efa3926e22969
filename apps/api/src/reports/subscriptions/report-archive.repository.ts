import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import type { ReportCadence } from '@fleet/telemetry/api/report-subscriptions';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import { DATABASE, type Database } from '../../storage/database';
import { type SubscriptionTables, subscriptionsDb } from './subscription-tables';

/** The key of one scheduled report: its owner, cadence and period. */
export interface ArchiveKey {
  userId: string;
  subscriptionId: string;
  cadence: ReportCadence;
  from: string;
  to: string;
  timeZone: string;
  locale: ReportLocale;
}

export interface ArchivedReportRow {
  id: string;
  cadence: ReportCadence;
  from: string;
  to: string;
  timeZone: string;
  locale: ReportLocale;
  generatedAt: Date;
  pdfBytes: number;
  csvBytes: number | null;
}

/**
 * The archive of scheduled reports, and the claim that makes each (user, cadence, period)
 * exactly once: whoever inserts the row renders it; a claim whose process died (its lease
 * ran out while still `claimed`) is taken over by the next pass, in the same statement.
 */
@Injectable()
export class ReportArchiveRepository {
  private readonly db: Kysely<SubscriptionTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = subscriptionsDb(database);
  }

  /**
   * The archive id if this caller now holds the claim, with `rendered` when a previous
   * holder already stored the files; undefined when it is made or being made elsewhere.
   */
  async claim(
    key: ArchiveKey,
    now: Date,
    leaseMs: number,
  ): Promise<{ id: string; rendered: boolean } | undefined> {
    const until = new Date(now.getTime() + leaseMs);
    const { rows } = await sql<{ id: string; rendered: boolean }>`
      insert into report_archive
        (user_id, subscription_id, cadence, period_start, period_end, time_zone, locale, state, claimed_until)
      values (${key.userId}, ${key.subscriptionId}, ${key.cadence}, ${key.from}::date, ${key.to}::date,
        ${key.timeZone}, ${key.locale}, 'claimed', ${until})
      on conflict (user_id, cadence, period_start) do update set claimed_until = excluded.claimed_until
        where report_archive.state = 'claimed' and report_archive.claimed_until < ${now}
      returning id, pdf is not null as rendered`.execute(this.db);
    return rows[0];
  }

  /** Stores the files unless a previous holder did (the first stored are the ones mailed). */
  async storeFiles(id: string, pdf: Buffer, csv: Buffer | null, generatedAt: Date): Promise<void> {
    await this.db
      .updateTable('report_archive')
      .set({ pdf, csv, generated_at: generatedAt })
      .where('id', '=', id)
      .where('pdf', 'is', null)
      .execute();
  }

  /** Made and its mail enqueued: listed in the archive, never claimed again. */
  async markReady(id: string): Promise<void> {
    await this.db.updateTable('report_archive').set({ state: 'ready' }).where('id', '=', id).execute();
  }

  /** The user's delivered reports, newest period first. */
  async listOf(userId: string): Promise<ArchivedReportRow[]> {
    const { rows } = await sql<{
      id: string;
      cadence: ReportCadence;
      period_start: string;
      period_end: string;
      time_zone: string;
      locale: ReportLocale;
      generated_at: Date;
      pdf_bytes: number;
      csv_bytes: number | null;
    }>`
      select id, cadence, period_start::text, period_end::text, time_zone, locale, generated_at,
        octet_length(pdf) as pdf_bytes, octet_length(csv) as csv_bytes
      from report_archive
      where user_id = ${userId} and state = 'ready'
      order by period_start desc, cadence`.execute(this.db);
    return rows.map((r) => ({
      id: r.id,
      cadence: r.cadence,
      from: r.period_start,
      to: r.period_end,
      timeZone: r.time_zone,
      locale: r.locale,
      generatedAt: r.generated_at,
      pdfBytes: r.pdf_bytes,
      csvBytes: r.csv_bytes,
    }));
  }

  /** One file of the user's own delivered report; undefined when it is not theirs or has none. */
  async fileOf(
    userId: string,
    id: string,
    format: 'pdf' | 'csv',
  ): Promise<{ from: string; to: string; content: Buffer } | undefined> {
    const { rows } = await sql<{ period_start: string; period_end: string; content: Buffer | null }>`
      select period_start::text, period_end::text, ${sql.ref(format)} as content from report_archive
      where id = ${id} and user_id = ${userId} and state = 'ready'`.execute(this.db);
    const row = rows[0];
    return row?.content ? { from: row.period_start, to: row.period_end, content: row.content } : undefined;
  }
}
