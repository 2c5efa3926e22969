import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import { notificationsDb, type NotificationTables } from '../notification-tables';

export interface WithheldNotice {
  alertId: string;
  change: 'opened' | 'reopened';
  changedAt: Date;
}

/** Openings nobody was told of because a silence or a maintenance window held the alert. */
@Injectable()
export class WithheldNoticesRepository {
  private readonly db: Kysely<NotificationTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = notificationsDb(database);
  }

  /** Remembers the alert's latest held-back opening (a reopening replaces the opening). */
  async hold(notice: WithheldNotice): Promise<void> {
    const values = { change: notice.change, changed_at: notice.changedAt };
    await this.db
      .insertInto('alert_withheld_notices')
      .values({ alert_id: notice.alertId, ...values })
      .onConflict((oc) => oc.column('alert_id').doUpdateSet(values))
      .execute();
  }

  all(): Promise<WithheldNotice[]> {
    return this.db
      .selectFrom('alert_withheld_notices')
      .select(['alert_id as alertId', 'change', 'changed_at as changedAt'])
      .orderBy('changed_at')
      .execute();
  }

  /** Nothing to tell any more (the alert was taken, resolved or is gone). */
  async drop(alertId: string): Promise<void> {
    await this.db.deleteFrom('alert_withheld_notices').where('alert_id', '=', alertId).execute();
  }
}
