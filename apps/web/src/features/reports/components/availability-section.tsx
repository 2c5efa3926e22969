import type { DeviceHealthReport, TerminalHealth } from '@fleet/telemetry/api/reports';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../../components/chart-frame';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { axisLabel, formatMinutes, formatPercent } from './report-format';
import { ReportSection } from './report-section';
import { type ReportColumn, ReportTable } from './report-table';
import { TerminalLink } from './terminal-link';

/** Merchants drawn at most: the worst ones, so the chart stays readable for a large portfolio. */
const CHART_MERCHANTS = 12;
/** Terminal rows shown before "show more": a fleet-wide month has thousands. */
const PAGE = 50;

const percentOf = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const worstFirst = (a: number | null, b: number | null) => (a ?? 2) - (b ?? 2);

function MerchantAvailabilityChart({ report }: { report: DeviceHealthReport }) {
  const { t } = useI18n();
  const data = [...report.merchants]
    .sort((a, b) => worstFirst(a.availability, b.availability))
    .slice(0, CHART_MERCHANTS)
    .map((m) => ({
      name: m.merchantName ?? m.merchantId ?? '—',
      availability: percentOf(m.availability),
      previous: percentOf(m.previousAvailability),
    }));
  return (
    <ChartFrame
      title={t('reports.chart.merchants')}
      caption={t('reports.chart.merchantsNote', { count: CHART_MERCHANTS })}
      height={70 + data.length * 44}
      isEmpty={data.every((d) => d.availability === null)}
      emptyText={t('reports.chart.noAvailability')}
    >
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2ea" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit="%" />
        <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} tickFormatter={axisLabel} />
        <Tooltip formatter={(value) => `${String(value)}%`} />
        {/* By key, so this period (availability) comes before the previous one, not by label. */}
        <Legend itemSorter="dataKey" />
        <Bar dataKey="availability" name={t('reports.thisPeriod')} fill="#2f6db5" isAnimationActive={false} />
        <Bar dataKey="previous" name={t('reports.previousPeriod')} fill="#b8c4d6" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

function useTerminalColumns(): ReportColumn<TerminalHealth>[] {
  const { t, locale } = useI18n();
  const count = (n: number) => formatCount(n, locale);
  return [
    {
      header: t('reports.col.terminal'),
      cell: (r) => <TerminalLink terminalId={r.terminalId} />,
    },
    { header: t('reports.col.merchant'), cell: (r) => r.merchantName ?? r.merchantId ?? '—' },
    { header: t('reports.col.model'), cell: (r) => [r.model, r.comm].filter(Boolean).join(' · ') || '—' },
    { header: t('reports.availability'), numeric: true, cell: (r) => formatPercent(r.availability, locale) },
    {
      header: t('reports.previousPeriod'),
      numeric: true,
      cell: (r) => formatPercent(r.previousAvailability, locale),
    },
    { header: t('reports.col.outages'), numeric: true, cell: (r) => count(r.outages) },
    { header: t('reports.col.faultTime'), numeric: true, cell: (r) => formatMinutes(r.faultMinutes, t) },
    { header: t('reports.approved'), numeric: true, cell: (r) => count(r.approved) },
    { header: t('reports.declined'), numeric: true, cell: (r) => count(r.declined) },
    { header: t('reports.timeouts'), numeric: true, cell: (r) => count(r.timeouts) },
    { header: t('reports.reversals'), numeric: true, cell: (r) => count(r.reversals) },
    { header: t('reports.col.alerts'), numeric: true, cell: (r) => count(r.alerts) },
  ];
}

/** Availability per merchant (chart) and per terminal (table, worst first, each a link to its page). */
export function AvailabilitySection({ report }: { report: DeviceHealthReport }) {
  const { t, locale } = useI18n();
  const columns = useTerminalColumns();
  const [shown, setShown] = useState(PAGE);
  const terminals = [...report.terminals].sort((a, b) => worstFirst(a.availability, b.availability));
  return (
    <ReportSection title={t('reports.section.availability')}>
      <MerchantAvailabilityChart report={report} />
      <ReportTable
        label={t('reports.table.terminals')}
        columns={columns}
        rows={terminals.slice(0, shown)}
        rowKey={(r) => r.terminalId}
        emptyText={t('reports.noTerminals')}
      />
      {terminals.length > shown ? (
        <button type="button" className="button button--secondary" onClick={() => setShown(shown + PAGE)}>
          {t('reports.showMore', {
            shown: formatCount(shown, locale),
            total: formatCount(terminals.length, locale),
          })}
        </button>
      ) : null}
    </ReportSection>
  );
}
