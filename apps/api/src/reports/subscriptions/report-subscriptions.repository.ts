import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { ReportCadence, ReportSubscriptionInput } from '@fleet/telemetry/api/report-subscriptions';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import type { Role } from '../../auth/users/role';
import { DATABASE, type Database } from '../../storage/database';
import {
  type ReportSubscriptionsTable,
  type SubscriptionTables,
  subscriptionsDb,
} from './subscription-tables';

export type SubscriptionRow = Selectable<ReportSubscriptionsTable>;

/** A subscription with what the pass needs of its owner, read fresh each pass. */
export interface ScheduledSubscription extends SubscriptionRow {
  role: Role;
  regions: string[];
  userMerchantIds: string[];
  email: string | null;
  userLocale: ReportLocale;
  timeZone: string;
  /** The start of the latest period already made, or null. */
  lastPeriodStart: string | null;
}

/** The users' report subscriptions, one per user and cadence. */
@Injectable()
export class ReportSubscriptionsRepository {
  private readonly db: Kysely<SubscriptionTables>;

  constructor(@Inject(DATABASE) private readonly database: Database) {
    this.db = subscriptionsDb(database);
  }

  listOf(userId: string): Promise<SubscriptionRow[]> {
    return this.db
      .selectFrom('report_subscriptions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('cadence', 'desc')
      .execute();
  }

  /** Creates or replaces the user's subscription of `cadence`. */
  save(
    userId: string,
    cadence: ReportCadence,
    input: ReportSubscriptionInput,
    now: Date,
  ): Promise<SubscriptionRow> {
    const values = { merchant_ids: input.merchantIds, attach_csv: input.attachCsv, locale: input.locale };
    return this.db
      .insertInto('report_subscriptions')
      .values({ user_id: userId, cadence, ...values, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'cadence']).doUpdateSet({ ...values, updated_at: now }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** False when there was none. */
  async remove(userId: string, cadence: ReportCadence): Promise<boolean> {
    const deleted = await this.db
      .deleteFrom('report_subscriptions')
      .where('user_id', '=', userId)
      .where('cadence', '=', cadence)
      .executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  }

  /** Every subscription of an enabled user, with its owner and the latest period made. */
  async scheduled(): Promise<ScheduledSubscription[]> {
    const { rows } = await sql<
      SubscriptionRow & {
        role: Role;
        regions: string[];
        user_merchant_ids: string[];
        email: string | null;
        user_locale: ReportLocale;
        time_zone: string;
        last_period_start: string | null;
      }
    >`
      select s.*, u.role, u.regions, u.merchant_ids as user_merchant_ids, u.email,
        u.locale as user_locale, u.time_zone,
        (select max(a.period_start)::text from report_archive a
          where a.user_id = s.user_id and a.cadence = s.cadence and a.state = 'ready') as last_period_start
      from report_subscriptions s join users u on u.id = s.user_id
      where not u.disabled
      order by s.id`.execute(this.database.db);
    return rows.map(({ user_merchant_ids, user_locale, time_zone, last_period_start, ...row }) => ({
      ...row,
      userMerchantIds: user_merchant_ids,
      userLocale: user_locale,
      timeZone: time_zone,
      lastPeriodStart: last_period_start,
    }));
  }
}
