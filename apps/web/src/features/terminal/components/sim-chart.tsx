import type { TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, timeLabel, timeTick } from '../../../components/chart-frame';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** SIM data balance, its forecast straight to zero, and the plan's expiry date. */
export function SimChart({ series }: { series: TerminalSeriesView }) {
  const { t, locale } = useI18n();
  const points = series.sim
    .filter((p) => p.dataBalanceMb !== null)
    .map((p) => ({ t: Date.parse(p.t), balance: p.dataBalanceMb }));
  const last = points[points.length - 1];
  const zeroAt = series.forecast.simZeroAt ? Date.parse(series.forecast.simZeroAt) : undefined;
  const expiresAt = series.forecast.simExpiresAt ? Date.parse(series.forecast.simExpiresAt) : undefined;
  // The forecast is its own series so it draws dashed from the last reading to zero.
  const forecast =
    last && zeroAt && zeroAt > last.t
      ? [
          { t: last.t, forecast: last.balance },
          { t: zeroAt, forecast: 0 },
        ]
      : [];
  const from = Date.parse(series.from);
  const to = Math.max(
    Date.parse(series.to),
    zeroAt ?? 0,
    expiresAt && expiresAt < Date.parse(series.to) + 7 * 86_400_000 ? expiresAt : 0,
  );
  const caption = [
    zeroAt ? t('chart.simZeroAt', { when: formatDateTime(series.forecast.simZeroAt, locale) }) : undefined,
    expiresAt ? t('chart.simExpires', { when: formatDate(series.forecast.simExpiresAt, locale) }) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <ChartFrame
      title={t('chart.sim')}
      caption={caption || undefined}
      isEmpty={points.length === 0}
      emptyText={t('chart.noSim')}
    >
      <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2ea" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[from, to]}
          allowDuplicatedCategory={false}
          tickFormatter={timeTick(locale, to - from)}
        />
        <YAxis width={52} unit=" MB" domain={[0, 'auto']} />
        <Tooltip labelFormatter={timeLabel(locale)} />
        <Legend />
        <Line
          data={points}
          dataKey="balance"
          name={t('chart.balance')}
          stroke="#2f6fde"
          dot={false}
          isAnimationActive={false}
        />
        {forecast.length ? (
          <Line
            data={forecast}
            dataKey="forecast"
            name={t('chart.forecast')}
            stroke="#b42318"
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
        ) : null}
        {expiresAt && expiresAt <= to ? (
          <ReferenceLine
            x={expiresAt}
            stroke="#9a5b00"
            strokeDasharray="4 4"
            label={{ value: t('chart.expiry'), position: 'insideTopLeft', fontSize: 11 }}
          />
        ) : null}
      </LineChart>
    </ChartFrame>
  );
}
