import { DEFAULT_REPORT_TIME_ZONE, type DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { useEffect, useMemo, useState } from 'react';
import { StatusPanel } from '../../../components/status-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useNow } from '../../../lib/use-now';
import { useDeviceHealth } from '../api/get-device-health';
import { useMyTimeZone } from '../api/my-time-zone';
import type { ReportRequest } from '../api/report-query';
import { AvailabilitySection } from './availability-section';
import { FailuresSection } from './failures-section';
import { type MerchantChoice, MerchantFilter } from './merchant-filter';
import { OffendersSection } from './offenders-section';
import { OperationsSection } from './operations-section';
import { type CustomFields, PeriodPicker } from './period-picker';
import { ReportArchiveSection } from './report-archive-section';
import { ReportDownloads } from './report-downloads';
import { formatDay } from './report-format';
import { customDates, lastDayOf, type PeriodDates, type PeriodPreset, presetDates } from './report-period';
import { ReportSummary } from './report-summary';
import { ScheduledReportsPanel } from './scheduled-reports-panel';
import { SimSection } from './sim-section';
import { TransactionsSection } from './transactions-section';
import './reports.css';

/** The chosen period: a preset's dates around now, or the last custom dates that made sense. */
function usePeriod() {
  const now = useNow(60_000);
  // The server says which zone it read the dates in; until the first report, the default.
  const [timeZone, setTimeZone] = useState(DEFAULT_REPORT_TIME_ZONE);
  const [preset, setPreset] = useState<PeriodPreset>('this-week');
  const [fields, setFields] = useState<CustomFields>({ from: '', lastDay: '' });
  const [custom, setCustom] = useState<PeriodDates>();
  const dates =
    preset === 'custom' && custom
      ? custom
      : presetDates(preset === 'custom' ? 'this-week' : preset, now, timeZone);
  const checked = customDates(fields.from, fields.lastDay);
  return {
    dates,
    preset,
    fields,
    timeZone,
    setTimeZone,
    problem: preset === 'custom' && 'problem' in checked ? checked.problem : undefined,
    choosePreset(next: PeriodPreset) {
      // A custom period starts from the one on screen, so its fields are never blank.
      if (next === 'custom' && preset !== 'custom') {
        setFields({ from: dates.from, lastDay: lastDayOf(dates) });
        setCustom(dates);
      }
      setPreset(next);
    },
    editCustom(next: CustomFields) {
      setFields(next);
      const result = customDates(next.from, next.lastDay);
      if ('dates' in result) setCustom(result.dates);
    },
  };
}

function ReportBody({ report }: { report: DeviceHealthReport }) {
  return (
    <>
      <ReportSummary report={report} />
      <AvailabilitySection report={report} />
      <FailuresSection report={report} />
      <TransactionsSection report={report} />
      <SimSection report={report} />
      <OperationsSection report={report} />
      <OffendersSection report={report} />
    </>
  );
}

/** The device-health report of the caller's merchants over a period, with PDF and CSV downloads. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const period = usePeriod();
  const [merchantId, setMerchantId] = useState('');
  const [choices, setChoices] = useState<readonly MerchantChoice[]>([]);
  const { from, to } = period.dates;
  const request = useMemo<ReportRequest>(
    () => ({ from, to, merchantIds: merchantId ? [merchantId] : [] }),
    [from, to, merchantId],
  );
  const report = useDeviceHealth(request);
  const data = report.data;
  const { setTimeZone } = period;
  const myZone = useMyTimeZone().data?.timeZone;

  // The user's saved zone: the periods follow it at once when it is changed.
  useEffect(() => {
    if (myZone) setTimeZone(myZone);
  }, [myZone, setTimeZone]);

  useEffect(() => {
    if (!data) return;
    setTimeZone(data.period.timeZone);
    // Only the unfiltered report lists every merchant the caller may choose from.
    if (request.merchantIds.length === 0 && !report.isPlaceholderData) setChoices(data.merchants);
  }, [data, setTimeZone, request, report.isPlaceholderData]);

  const merchantName = choices.find((m) => m.merchantId === merchantId)?.merchantName ?? undefined;
  return (
    <div className="page reports">
      <header className="page__header">
        <h1 className="page-title">{t('nav.reports')}</h1>
        <span className="muted" aria-live="polite">
          {request.from === lastDayOf(request)
            ? t('reports.dayLine', { day: formatDay(request.from, locale), zone: period.timeZone })
            : t('reports.periodLine', {
                from: formatDay(request.from, locale),
                to: formatDay(lastDayOf(request), locale),
                zone: period.timeZone,
              })}
        </span>
      </header>
      <section className="panel reports__controls" aria-label={t('reports.controls')}>
        <PeriodPicker
          preset={period.preset}
          onPreset={period.choosePreset}
          custom={period.fields}
          onCustom={period.editCustom}
          problem={period.problem}
        />
        <MerchantFilter choices={choices} value={merchantId} onChange={setMerchantId} />
        <ReportDownloads
          request={request}
          merchantName={merchantId ? (merchantName ?? merchantId) : undefined}
        />
      </section>
      {report.isPending ? (
        <StatusPanel tone="loading" title={t('reports.loading')} />
      ) : report.isError && !data ? (
        <StatusPanel tone="error" title={t('reports.failed')}>
          <p>{report.error.message}</p>
          <button type="button" className="button" onClick={() => void report.refetch()}>
            {t('reports.retry')}
          </button>
        </StatusPanel>
      ) : data && data.terminals.length === 0 ? (
        <StatusPanel tone="empty" title={t('reports.empty')}>
          <p>{t('reports.emptyDetail')}</p>
        </StatusPanel>
      ) : data ? (
        <div
          className="reports__body"
          aria-busy={report.isPlaceholderData || undefined}
          key={`${request.from}-${request.to}-${merchantId}`}
        >
          {report.isError ? (
            <StatusPanel tone="error" title={t('reports.failed')}>
              <p>{report.error.message}</p>
            </StatusPanel>
          ) : null}
          <p className="muted reports__generated">
            {t('reports.generatedAt', { time: formatDateTime(data.generatedAt, locale) })}
          </p>
          <ReportBody report={data} />
        </div>
      ) : null}
      <ScheduledReportsPanel choices={choices} />
      <ReportArchiveSection />
    </div>
  );
}
