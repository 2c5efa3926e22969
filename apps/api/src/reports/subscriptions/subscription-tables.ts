import type { ColumnType, Generated, Kysely } from 'kysely';
import type { ReportCadence } from '@fleet/telemetry/api/report-subscriptions';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import type { Database } from '../../storage/database';

/** Rows of migration 0023_report_subscriptions. */
export interface ReportSubscriptionsTable {
  id: Generated<string>;
  user_id: string;
  cadence: ReportCadence;
  merchant_ids: string[] | null;
  attach_csv: boolean;
  locale: ReportLocale | null;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

export interface ReportArchiveTable {
  id: Generated<string>;
  user_id: string;
  subscription_id: string | null;
  cadence: ReportCadence;
  /** Local dates, read back as text (`::text`): a JS Date would shift them by the server zone. */
  period_start: string;
  period_end: string;
  time_zone: string;
  locale: ReportLocale;
  state: 'claimed' | 'ready';
  claimed_until: Date;
  generated_at: Date | null;
  pdf: Buffer | null;
  csv: Buffer | null;
}

// A type alias, not an interface: Kysely's withTables wants an indexable record.
export type SubscriptionTables = {
  report_subscriptions: ReportSubscriptionsTable;
  report_archive: ReportArchiveTable;
};

export function subscriptionsDb(database: Database): Kysely<SubscriptionTables> {
  return database.db.withTables<SubscriptionTables>() as unknown as Kysely<SubscriptionTables>;
}
