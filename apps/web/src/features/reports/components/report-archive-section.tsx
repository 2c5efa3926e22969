import type { ArchivedReport } from '@fleet/telemetry/api/report-subscriptions';
import { useState } from 'react';
import { StatusPanel } from '../../../components/status-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { ReportFormat } from '../api/download-report';
import { downloadArchived, useReportArchive } from '../api/report-archive';
import { formatDay } from './report-format';
import { lastDayOf } from './report-period';
import { ReportSection } from './report-section';

function formatSize(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(
    bytes / 1024,
  );
}

/** The reports already mailed to the user, each downloadable as it was sent. */
export function ReportArchiveSection() {
  const { t, locale } = useI18n();
  const archive = useReportArchive();
  const [error, setError] = useState<string>();

  const download = async (report: ArchivedReport, format: ReportFormat) => {
    setError(undefined);
    try {
      await downloadArchived(report, format);
    } catch (failure) {
      setError(t('reports.downloadFailed', { message: (failure as Error).message }));
    }
  };

  return (
    <ReportSection title={t('reports.archive')}>
      {archive.isPending ? (
        <StatusPanel tone="loading" title={t('reports.loadingArchive')} />
      ) : archive.isError ? (
        <StatusPanel tone="error" title={archive.error.message} />
      ) : archive.data.items.length === 0 ? (
        <p className="muted">{t('reports.archiveEmpty')}</p>
      ) : (
        <ul className="reports__archive" aria-label={t('reports.archive')}>
          {archive.data.items.map((report) => (
            <li key={report.id} className="reports__archived">
              <span>
                <strong>{t(`reports.cadence.${report.cadence}`)}</strong>{' '}
                {t('reports.periodLine', {
                  from: formatDay(report.from, locale),
                  to: formatDay(lastDayOf(report), locale),
                  zone: report.timeZone,
                })}
              </span>
              <span className="muted">
                {t('reports.archivedAt', {
                  time: formatDateTime(report.generatedAt, locale),
                  pdf: formatSize(report.pdfBytes, locale),
                })}
                {report.csvBytes === null
                  ? null
                  : ` · ${t('reports.archivedCsv', { csv: formatSize(report.csvBytes, locale) })}`}
              </span>
              <span className="reports__archived-files">
                <button type="button" className="button" onClick={() => void download(report, 'pdf')}>
                  PDF
                </button>
                {report.csvBytes === null ? null : (
                  <button type="button" className="button" onClick={() => void download(report, 'csv')}>
                    CSV
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </ReportSection>
  );
}
