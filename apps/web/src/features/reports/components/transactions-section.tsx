import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../../components/chart-frame';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { formatDay, formatPercent } from './report-format';
import { ReportCounters, ReportSection } from './report-section';

// Stacked per day: what went through, what the card refused, what the link lost.
const BARS = [
  { key: 'approved', fill: '#8fcf9f' },
  { key: 'declined', fill: '#c9d1dd' },
  { key: 'timeouts', fill: '#b42318' },
] as const;

const dayTick = (locale: string) => (day: string) => formatDay(day, locale, 'short');

function TransactionTrendChart({ trend }: { trend: DeviceHealthReport['transactions']['trend'] }) {
  const { t, locale } = useI18n();
  const data = trend.map((d) => ({
    ...d,
    failurePercent: d.failureRate === null ? null : Math.round(d.failureRate * 1000) / 10,
  }));
  return (
    <ChartFrame
      title={t('reports.chart.transactions')}
      caption={t('reports.chart.transactionsNote')}
      isEmpty={trend.every((d) => d.approved + d.declined + d.timeouts === 0)}
      emptyText={t('reports.noTransactions')}
    >
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2ea" />
        <XAxis dataKey="day" tickFormatter={dayTick(locale)} />
        <YAxis yAxisId="count" width={48} allowDecimals={false} />
        <YAxis yAxisId="rate" orientation="right" width={40} unit="%" allowDecimals />
        <Tooltip labelFormatter={(day) => dayTick(locale)(String(day))} />
        <Legend />
        {BARS.map(({ key, fill }) => (
          <Bar
            key={key}
            yAxisId="count"
            dataKey={key}
            name={t(`reports.${key}`)}
            stackId="txn"
            maxBarSize={48}
            fill={fill}
            isAnimationActive={false}
          />
        ))}
        <Line
          yAxisId="rate"
          dataKey="failurePercent"
          name={t('reports.failureRate')}
          stroke="#1d3d63"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}

/** Approved, declined, timeouts and reversals, the failure rate against the period before, per day. */
export function TransactionsSection({ report }: { report: DeviceHealthReport }) {
  const { t, locale } = useI18n();
  const tx = report.transactions;
  return (
    <ReportSection title={t('reports.section.transactions')}>
      <ReportCounters
        label={t('reports.totals')}
        items={[
          [t('reports.approved'), formatCount(tx.approved, locale)],
          [t('reports.declined'), formatCount(tx.declined, locale)],
          [t('reports.timeouts'), formatCount(tx.timeouts, locale)],
          [t('reports.reversals'), formatCount(tx.reversals, locale)],
          [t('reports.failureRate'), formatPercent(tx.failureRate, locale)],
          [t('reports.previousFailureRate'), formatPercent(tx.previousFailureRate, locale)],
        ]}
      />
      <TransactionTrendChart trend={tx.trend} />
    </ReportSection>
  );
}
