import type { TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, timeLabel, timeTick } from '../../../components/chart-frame';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** Online/offline as a step band over the range, heartbeats per bucket as bars beneath it. */
export function StatusChart({ series }: { series: TerminalSeriesView }) {
  const { t, locale } = useI18n();
  const from = Date.parse(series.from);
  const to = Date.parse(series.to);
  const status = series.status.map((s) => ({ t: Date.parse(s.t), online: s.online ? 1 : 0 }));
  // Carry the last known state to the end of the range so the band does not stop short.
  const lastStatus = status[status.length - 1];
  if (lastStatus && lastStatus.t < to) status.push({ t: to, online: lastStatus.online });
  const heartbeats = series.heartbeats.map((h) => ({ t: Date.parse(h.t), count: h.count }));
  const empty = status.length === 0 && heartbeats.length === 0;
  return (
    <ChartFrame
      title={t('chart.status')}
      caption={t('chart.statusNote')}
      isEmpty={empty}
      emptyText={t('chart.noStatus')}
      height={180}
    >
      <ComposedChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2ea" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[from, to]}
          allowDuplicatedCategory={false}
          tickFormatter={timeTick(locale, to - from)}
        />
        <YAxis
          yAxisId="state"
          domain={[0, 1]}
          ticks={[0, 1]}
          width={56}
          tickFormatter={(v: number) => (v ? t('state.online') : t('state.offline'))}
        />
        <YAxis yAxisId="beats" orientation="right" width={32} allowDecimals={false} />
        <Tooltip labelFormatter={timeLabel(locale)} />
        <Legend />
        <Area
          yAxisId="state"
          data={status}
          dataKey="online"
          name={t('chart.online')}
          type="stepAfter"
          stroke="#17803d"
          fill="#e3f4e8"
          isAnimationActive={false}
        />
        <Bar
          yAxisId="beats"
          data={heartbeats}
          dataKey="count"
          name={t('chart.heartbeats')}
          fill="#8fb3ef"
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
