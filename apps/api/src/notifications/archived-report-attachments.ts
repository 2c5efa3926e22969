import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE, type Database } from '../storage/database';
import type { MailAttachment, MailAttachments } from './channels/mail-attachments';
import type { ClaimedNotification } from './outbox.repository';

/**
 * The files of the archived report a mail points at (`attachment_archive_id`, migration
 * 0023), read at sending time: the bytes sent are the bytes the archive downloads.
 */
@Injectable()
export class ArchivedReportAttachments implements MailAttachments {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async of(notification: ClaimedNotification): Promise<MailAttachment[]> {
    if (notification.attachment_archive_id === null) return [];
    const { rows } = await sql<{
      period_start: string;
      period_end: string;
      pdf: Buffer | null;
      csv: Buffer | null;
    }>`
      select period_start::text, period_end::text, pdf, csv from report_archive
      where id = ${notification.attachment_archive_id}`.execute(this.database.db);
    const row = rows[0];
    if (!row) return [];
    const name = `device-health_${row.period_start}_${row.period_end}`;
    const files: MailAttachment[] = [];
    if (row.pdf) files.push({ filename: `${name}.pdf`, contentType: 'application/pdf', content: row.pdf });
    if (row.csv)
      files.push({ filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', content: row.csv });
    return files;
  }
}
