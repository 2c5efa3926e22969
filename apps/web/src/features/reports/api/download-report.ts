import type { ReportLocale } from '@fleet/telemetry/api/reports';
import { apiGetFile } from '../../../lib/api-client';
import { deviceHealthPath, type ReportRequest } from './report-query';

export const REPORT_FORMATS = { pdf: 'application/pdf', csv: 'text/csv' } as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** Fetches the report as a file with the session's token and hands it to the browser to save. */
export async function downloadReport(
  request: ReportRequest,
  format: ReportFormat,
  locale: ReportLocale,
  filename: string,
): Promise<void> {
  const blob = await apiGetFile(deviceHealthPath(request, locale), REPORT_FORMATS[format]);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the download already; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
