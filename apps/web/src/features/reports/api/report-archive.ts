import { useQuery } from '@tanstack/react-query';
import { type ArchivedReport, archivedReportListSchema } from '@fleet/telemetry/api/report-subscriptions';
import { apiGet, apiGetFile } from '../../../lib/api-client';
import { lastDayOf } from '../components/report-period';
import { REPORT_FORMATS, type ReportFormat } from './download-report';
import { saveFile } from './save-file';

export const archiveQueryKey = ['reports', 'archive'] as const;

/** `GET /reports/archive`: the caller's delivered reports, newest period first. */
export function useReportArchive() {
  return useQuery({
    queryKey: archiveQueryKey,
    queryFn: ({ signal }) => apiGet('/reports/archive', archivedReportListSchema, { signal }),
  });
}

/** `GET /reports/archive/{id}[?format=csv]`: the file byte for byte as it was mailed. */
export async function downloadArchived(report: ArchivedReport, format: ReportFormat): Promise<void> {
  const query = format === 'csv' ? '?format=csv' : '';
  const blob = await apiGetFile(
    `/reports/archive/${encodeURIComponent(report.id)}${query}`,
    REPORT_FORMATS[format],
  );
  saveFile(blob, `${report.cadence}_${report.from}_${lastDayOf(report)}_${report.locale}.${format}`);
}
