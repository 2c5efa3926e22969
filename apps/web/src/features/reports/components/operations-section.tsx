import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { formatCount, formatNumber } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { formatMinutes } from './report-format';
import { ReportCounters, ReportSection } from './report-section';
import { ReportTable } from './report-table';

type AlertCode = DeviceHealthReport['alerts']['byCode'][number];

/** Paper and power events, alerts and work orders: how fast they were answered and whether SLAs held. */
export function OperationsSection({ report }: { report: DeviceHealthReport }) {
  const { t, locale } = useI18n();
  const count = (n: number) => formatCount(n, locale);
  const sla = (met: number, due: number) => `${count(met)} / ${count(due)}`;
  const { paper, power, alerts, workOrders } = report;
  const events = (name: string, e: DeviceHealthReport['paper']) =>
    t('reports.eventLine', {
      name,
      alerts: count(e.alerts),
      terminals: count(e.terminals),
      hours: formatNumber(e.hoursOpen, locale),
    });
  return (
    <ReportSection title={t('reports.section.operations')}>
      <ul className="reports__events">
        <li>{events(t('reports.paper'), paper)}</li>
        <li>{events(t('reports.power'), power)}</li>
      </ul>
      <ReportCounters
        label={t('reports.alerts')}
        items={[
          [t('reports.alerts'), count(alerts.total)],
          [t('reports.meanAck'), formatMinutes(alerts.meanAckMinutes, t)],
          [t('reports.meanResolve'), formatMinutes(alerts.meanResolveMinutes, t)],
          [t('reports.slaMet'), sla(alerts.slaMet, alerts.slaDue)],
        ]}
      />
      <ReportTable<AlertCode>
        label={t('reports.table.alerts')}
        rows={alerts.byCode}
        rowKey={(a) => a.code}
        emptyText={t('reports.noAlerts')}
        columns={[
          { header: t('reports.col.cause'), cell: (a) => t(`cause.${a.code}`) },
          { header: t('reports.alerts'), numeric: true, cell: (a) => count(a.count) },
          { header: t('reports.meanAck'), numeric: true, cell: (a) => formatMinutes(a.meanAckMinutes, t) },
          {
            header: t('reports.meanResolve'),
            numeric: true,
            cell: (a) => formatMinutes(a.meanResolveMinutes, t),
          },
          { header: t('reports.slaMet'), numeric: true, cell: (a) => sla(a.slaMet, a.slaDue) },
        ]}
      />
      <h3 className="reports__subtitle">{t('reports.workOrders')}</h3>
      {workOrders ? (
        <ReportCounters
          label={t('reports.workOrders')}
          items={[
            [t('reports.workOrders'), count(workOrders.total)],
            [t('reports.resolved'), count(workOrders.resolved)],
            [t('reports.meanResolve'), formatMinutes(workOrders.meanResolveMinutes, t)],
            [t('reports.slaMet'), sla(workOrders.slaMet, workOrders.slaDue)],
          ]}
        />
      ) : (
        <p className="muted">{t('reports.workOrdersNone')}</p>
      )}
    </ReportSection>
  );
}
