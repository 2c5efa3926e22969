import type { ReportLocale } from '@fleet/telemetry/api/reports';
import { apiGetFile } from '../../../lib/api-client';
import { deviceHealthPath, type ReportRequest } from './report-query';
import { saveFile } from './save-file';

export const REPORT_FORMATS = { pdf: 'application/pdf', csv: 'text/csv' } as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** Fetches the report as a file with the session's token and hands it to the browser to save. */
export async function downloadReport(
  request: ReportRequest,
  format: ReportFormat,
  locale: ReportLocale,
  filename: string,
): Promise<void> {
  saveFile(await apiGetFile(deviceHealthPath(request, locale), REPORT_FORMATS[format]), filename);
}
