import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { formatDate, formatNumber } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { ReportCounters, ReportSection } from './report-section';
import { ReportTable } from './report-table';
import { TerminalLink } from './terminal-link';

type SimUsage = DeviceHealthReport['sim']['topUsers'][number];
type SimPlan = DeviceHealthReport['sim']['expiringIn30Days'][number];

function ExpiringPlans({ title, plans }: { title: string; plans: readonly SimPlan[] }) {
  const { t, locale } = useI18n();
  return (
    <>
      <h3 className="reports__subtitle">{title}</h3>
      <ReportTable<SimPlan>
        label={title}
        rows={plans}
        rowKey={(p) => p.terminalId}
        emptyText={t('reports.noExpiring')}
        columns={[
          { header: t('reports.col.terminal'), cell: (p) => <TerminalLink terminalId={p.terminalId} /> },
          { header: t('reports.col.merchant'), cell: (p) => p.merchantName ?? '—' },
          { header: t('reports.col.iccid'), cell: (p) => p.iccid ?? '—' },
          { header: t('reports.col.expires'), cell: (p) => formatDate(p.expiresAt, locale) },
        ]}
      />
    </>
  );
}

/** Data used and forecast, the heaviest users, and the plans that run out in 30 and 60 days. */
export function SimSection({ report }: { report: DeviceHealthReport }) {
  const { t, locale } = useI18n();
  const mb = (value: number | null) => (value === null ? '—' : `${formatNumber(value, locale)} MB`);
  const { sim } = report;
  return (
    <ReportSection title={t('reports.section.sim')}>
      <ReportCounters
        label={t('reports.section.sim')}
        items={[
          [t('reports.simUsed'), mb(sim.usedMb)],
          [t('reports.simForecast'), mb(sim.forecast30dMb)],
          [t('reports.expiring30'), formatNumber(sim.expiringIn30Days.length, locale)],
          [t('reports.expiring60'), formatNumber(sim.expiringIn60Days.length, locale)],
        ]}
      />
      <h3 className="reports__subtitle">{t('reports.simTopUsers')}</h3>
      <ReportTable<SimUsage>
        label={t('reports.simTopUsers')}
        rows={sim.topUsers}
        rowKey={(u) => u.terminalId}
        emptyText={t('reports.noSimUse')}
        columns={[
          { header: t('reports.col.terminal'), cell: (u) => <TerminalLink terminalId={u.terminalId} /> },
          { header: t('reports.col.merchant'), cell: (u) => u.merchantName ?? '—' },
          { header: t('reports.col.used'), numeric: true, cell: (u) => mb(u.usedMb) },
          { header: t('reports.col.perDay'), numeric: true, cell: (u) => mb(u.perDayMb) },
          { header: t('reports.simForecast'), numeric: true, cell: (u) => mb(u.forecast30dMb) },
          { header: t('reports.col.balance'), numeric: true, cell: (u) => mb(u.balanceMb) },
          {
            header: t('reports.col.daysLeft'),
            numeric: true,
            cell: (u) => (u.daysLeft === null ? '—' : formatNumber(u.daysLeft, locale)),
          },
        ]}
      />
      <ExpiringPlans title={t('reports.expiring30')} plans={sim.expiringIn30Days} />
      <ExpiringPlans title={t('reports.expiring60')} plans={sim.expiringIn60Days} />
    </ReportSection>
  );
}
