import { REPORT_LOCALES, type ReportLocale } from '@fleet/telemetry/api/reports';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { downloadReport, type ReportFormat } from '../api/download-report';
import type { ReportRequest } from '../api/report-query';
import { reportFilename } from './report-filename';

const LOCALE_NAMES: Record<ReportLocale, string> = { 'zh-CN': '中文', en: 'English' };

interface ReportDownloadsProps {
  request: ReportRequest;
  /** The chosen merchant's name, for the file name; none for a whole portfolio. */
  merchantName: string | undefined;
}

/** The language of the file and the PDF / CSV buttons; the server renders both. */
export function ReportDownloads({ request, merchantName }: ReportDownloadsProps) {
  const { t, language } = useI18n();
  // The page's language until the user picks the file's own.
  const [chosen, setLocale] = useState<ReportLocale>();
  const locale = chosen ?? language;
  const [busy, setBusy] = useState<ReportFormat>();
  const [error, setError] = useState<string>();

  const download = async (format: ReportFormat) => {
    setBusy(format);
    setError(undefined);
    try {
      await downloadReport(request, format, locale, reportFilename(merchantName, request, locale, format));
    } catch (failure) {
      setError(t('reports.downloadFailed', { message: (failure as Error).message }));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="reports__downloads">
      <div className="segmented" role="group" aria-label={t('reports.fileLanguage')}>
        {REPORT_LOCALES.map((l) => (
          <button key={l} type="button" lang={l} aria-pressed={l === locale} onClick={() => setLocale(l)}>
            {LOCALE_NAMES[l]}
          </button>
        ))}
      </div>
      {(['pdf', 'csv'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={busy !== undefined}
          onClick={() => void download(format)}
        >
          {busy === format ? t('reports.downloading') : t(`reports.download.${format}`)}
        </button>
      ))}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
