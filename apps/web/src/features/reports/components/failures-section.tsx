import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../../components/chart-frame';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { formatMinutes, lossCauseName } from './report-format';
import { ReportSection } from './report-section';
import { ReportTable } from './report-table';

type Failure = DeviceHealthReport['failures'][number];
type Incident = DeviceHealthReport['incidents'][number];

// Device faults are what a visit or a call fixes; incidents and shutdowns are not the terminal's.
const KIND_COLOURS: Record<Failure['kind'], string> = {
  device: '#b42318',
  incident: '#9a5b00',
  shutdown: '#8a94a6',
};

function LostTimeChart({ failures }: { failures: readonly Failure[] }) {
  const { t } = useI18n();
  const data = failures.map((f) => ({
    name: lossCauseName(f.cause, t),
    hours: Math.round(f.lostMinutes / 6) / 10,
    kind: f.kind,
  }));
  return (
    <ChartFrame
      title={t('reports.chart.lostTime')}
      caption={t('reports.chart.lostTimeNote')}
      height={60 + Math.max(data.length, 1) * 34}
      isEmpty={data.length === 0}
      emptyText={t('reports.noFailures')}
    >
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2ea" horizontal={false} />
        <XAxis type="number" unit=" h" allowDecimals />
        <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => `${String(value)} h`} />
        <Bar dataKey="hours" name={t('reports.col.lostTime')} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={`${d.kind}-${d.name}`} fill={KIND_COLOURS[d.kind]} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** Time lost by cause, device faults apart from incidents and shutdowns, and the incidents themselves. */
export function FailuresSection({ report }: { report: DeviceHealthReport }) {
  const { t, locale } = useI18n();
  const count = (n: number) => formatCount(n, locale);
  return (
    <ReportSection title={t('reports.section.failures')}>
      <LostTimeChart failures={report.failures} />
      {/* With nothing lost the chart has said so; an empty table would say it again. */}
      {report.failures.length > 0 ? (
        <ReportTable<Failure>
          label={t('reports.table.failures')}
          rows={report.failures}
          rowKey={(f) => `${f.kind}-${f.cause}`}
          emptyText={t('reports.noFailures')}
          columns={[
            { header: t('reports.col.cause'), cell: (f) => lossCauseName(f.cause, t) },
            { header: t('reports.col.kind'), cell: (f) => t(`reports.kind.${f.kind}`) },
            { header: t('reports.col.outages'), numeric: true, cell: (f) => count(f.outages) },
            { header: t('reports.terminals'), numeric: true, cell: (f) => count(f.terminals) },
            {
              header: t('reports.col.lostTime'),
              numeric: true,
              cell: (f) => formatMinutes(f.lostMinutes, t),
            },
          ]}
        />
      ) : null}
      <h3 className="reports__subtitle">{t('reports.incidents')}</h3>
      <ReportTable<Incident>
        label={t('reports.incidents')}
        rows={report.incidents}
        rowKey={(i) => i.id}
        emptyText={t('reports.noIncidents')}
        columns={[
          { header: t('reports.col.cause'), cell: (i) => t(`cause.${i.code}`) },
          {
            header: t('reports.col.where'),
            cell: (i) => [i.mccMnc, i.region].filter(Boolean).join(' · ') || '—',
          },
          { header: t('reports.col.started'), cell: (i) => formatDateTime(i.startedAt, locale) },
          {
            header: t('reports.col.ended'),
            cell: (i) => (i.endedAt ? formatDateTime(i.endedAt, locale) : t('reports.ongoing')),
          },
          { header: t('reports.terminals'), numeric: true, cell: (i) => count(i.terminals) },
          { header: t('reports.col.lostTime'), numeric: true, cell: (i) => formatMinutes(i.lostMinutes, t) },
        ]}
      />
    </ReportSection>
  );
}
