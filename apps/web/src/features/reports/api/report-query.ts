import type { ReportLocale } from '@fleet/telemetry/api/reports';
import type { PeriodDates } from '../components/report-period';

/** What a report is asked for: a period and the merchants (all in the caller's scope when empty). */
export interface ReportRequest extends PeriodDates {
  merchantIds: readonly string[];
}

/** `/reports/device-health?…` for a request, with the language of a download when given. */
export function deviceHealthPath(request: ReportRequest, locale?: ReportLocale): string {
  const params = new URLSearchParams({ from: request.from, to: request.to });
  if (request.merchantIds.length > 0) params.set('merchantId', request.merchantIds.join(','));
  if (locale) params.set('locale', locale);
  return `/reports/device-health?${params.toString()}`;
}
