import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { formatCount, formatNumber } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { formatPercent, formatPointChange } from './report-format';

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="stat-card">
      <div className="stat-card__label">{label}</div>
      <div className="stat-card__value">{value}</div>
      {detail ? <div className="stat-card__detail">{detail}</div> : null}
    </div>
  );
}

/** The headline figures, each against the period before where the report has one. */
export function ReportSummary({ report }: { report: DeviceHealthReport }) {
  const { t, locale } = useI18n();
  const { availability, transactions, alerts, workOrders } = report;
  const change = formatPointChange(availability.overall, availability.previous, locale);
  return (
    <div className="stat-grid" aria-label={t('reports.summary')}>
      <Stat
        label={t('reports.availability')}
        value={formatPercent(availability.overall, locale)}
        detail={t('reports.previous', {
          value: formatPercent(availability.previous, locale) + (change ? ` (${change} pp)` : ''),
        })}
      />
      <Stat
        label={t('reports.lostHours')}
        value={formatNumber(availability.lostHours, locale)}
        detail={t('reports.ofOpenHours', { hours: formatNumber(availability.openHours, locale) })}
      />
      <Stat
        label={t('reports.terminals')}
        value={formatCount(report.terminals.length, locale)}
        detail={t('reports.merchantCount', { count: formatCount(report.merchants.length, locale) })}
      />
      <Stat
        label={t('reports.failureRate')}
        value={formatPercent(transactions.failureRate, locale)}
        detail={t('reports.previous', { value: formatPercent(transactions.previousFailureRate, locale) })}
      />
      <Stat
        label={t('reports.alertsSla')}
        value={`${formatCount(alerts.slaMet, locale)} / ${formatCount(alerts.slaDue, locale)}`}
        detail={t('reports.alertTotal', { count: formatCount(alerts.total, locale) })}
      />
      <Stat
        label={t('reports.workOrders')}
        value={workOrders ? formatCount(workOrders.total, locale) : '—'}
        detail={
          workOrders
            ? t('reports.workOrdersResolved', { count: formatCount(workOrders.resolved, locale) })
            : t('reports.workOrdersNone')
        }
      />
    </div>
  );
}
