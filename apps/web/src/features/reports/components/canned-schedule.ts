import type { ArchivedReport, ReportSubscription } from '@fleet/telemetry/api/report-subscriptions';
import type { CannedApiServer } from '../../../testing/canned-api-server';

export const SUBSCRIPTIONS_PATH = '/api/v1/reports/subscriptions';
export const TIME_ZONE_PATH = '/api/v1/users/me/time-zone';
export const ARCHIVE_PATH = '/api/v1/reports/archive';

interface Schedule {
  timeZone?: string;
  subscriptions?: ReportSubscription[];
  archive?: ArchivedReport[];
}

/** What the Reports page asks for besides the report: the user's zone, subscriptions and archive. */
export function answerSchedule(
  server: CannedApiServer,
  { timeZone = 'Asia/Shanghai', subscriptions = [], archive = [] }: Schedule = {},
): void {
  server.answer(`GET ${TIME_ZONE_PATH}`, 200, { timeZone });
  server.answer(`GET ${SUBSCRIPTIONS_PATH}`, 200, { items: subscriptions });
  server.answer(`GET ${ARCHIVE_PATH}`, 200, { items: archive });
}
