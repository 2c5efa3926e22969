import type { TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, timeLabel, timeTick } from '../../../components/chart-frame';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** Approved and declined per bucket, with timeouts and reversals drawn over them in red. */
export function TxnChart({ series }: { series: TerminalSeriesView }) {
  const { t, locale } = useI18n();
  const from = Date.parse(series.from);
  const to = Date.parse(series.to);
  const data = series.txn.map((w) => ({ ...w, t: Date.parse(w.t) }));
  return (
    <ChartFrame title={t('chart.txn')} isEmpty={data.length === 0} emptyText={t('chart.noTxn')}>
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2ea" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[from, to]}
          tickFormatter={timeTick(locale, to - from)}
        />
        <YAxis width={40} allowDecimals={false} />
        <Tooltip labelFormatter={timeLabel(locale)} />
        <Legend />
        <Bar
          dataKey="approved"
          name={t('chart.approved')}
          stackId="txn"
          fill="#8fcf9f"
          isAnimationActive={false}
        />
        <Bar
          dataKey="declined"
          name={t('chart.declined')}
          stackId="txn"
          fill="#c9d1dd"
          isAnimationActive={false}
        />
        <Line
          dataKey="timeouts"
          name={t('chart.timeouts')}
          stroke="#b42318"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="reversals"
          name={t('chart.reversals')}
          stroke="#9a5b00"
          strokeDasharray="4 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
