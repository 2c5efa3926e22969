import type { TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import { CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, timeLabel, timeTick } from '../../../components/chart-frame';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { CSQ_BANDS, pickSignalMetric, RSRP_BANDS } from './signal-bands';

/** Signal level over time with the quality bands it is judged against drawn behind it. */
export function SignalChart({ series }: { series: TerminalSeriesView }) {
  const { t, locale } = useI18n();
  const metric = pickSignalMetric(series.signal);
  const data = series.signal.map((p) => ({
    t: Date.parse(p.t),
    value: metric === 'csq' && p.csq === 99 ? null : metric ? p[metric] : null,
  }));
  const bands = metric === 'rsrpDbm' ? RSRP_BANDS : metric === 'csq' ? CSQ_BANDS : [];
  const domain: [number, number] =
    metric === 'csq' ? [0, 31] : metric === 'rsrpDbm' ? [-130, -60] : [-120, -30];
  const span = Date.parse(series.to) - Date.parse(series.from);
  return (
    <ChartFrame
      title={t('chart.signal')}
      caption={metric ? t(`chart.metric.${metric}`) : undefined}
      isEmpty={!metric}
      emptyText={t('chart.noSignal')}
    >
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        {bands.map((band) => (
          <ReferenceArea
            key={band.key}
            y1={Math.max(band.from, domain[0])}
            y2={Math.min(band.to, domain[1])}
            fill={band.fill}
            fillOpacity={1}
            ifOverflow="hidden"
            label={{ value: t(`band.${band.key}`), position: 'insideRight', fontSize: 11, fill: '#5f6b7d' }}
          />
        ))}
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2ea" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[Date.parse(series.from), Date.parse(series.to)]}
          tickFormatter={timeTick(locale, span)}
        />
        <YAxis domain={domain} allowDataOverflow width={44} />
        <Tooltip labelFormatter={timeLabel(locale)} />
        <Line
          dataKey="value"
          name={metric ? t(`chart.metric.${metric}`) : ''}
          stroke="#2f6fde"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
