import type { ReportLocale } from '@fleet/telemetry/api/reports';
import type { ReportFormat } from '../api/download-report';
import { lastDayOf, type PeriodDates } from './report-period';

const PORTFOLIO: Record<ReportLocale, string> = { en: 'portfolio', 'zh-CN': '全部商户' };

// Runs of spaces and of characters some file system refuses in a name: one dash each.
const UNSAFE = /[\\/:*?"<>|\s\p{Cc}]+/gu;

/**
 * `<merchant or portfolio>_<first day>_<last day>_<locale>.<format>`: says whose report,
 * which days (both included, as the PDF prints them) and which edition, once saved.
 */
export function reportFilename(
  merchantName: string | undefined,
  dates: PeriodDates,
  locale: ReportLocale,
  format: ReportFormat,
): string {
  const who = (merchantName ?? '').replace(UNSAFE, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${who || PORTFOLIO[locale]}_${dates.from}_${lastDayOf(dates)}_${locale}.${format}`;
}
