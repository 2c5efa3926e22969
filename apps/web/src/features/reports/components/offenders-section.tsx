import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { formatMinutes, lossCauseName } from './report-format';
import { ReportSection } from './report-section';
import { ReportTable } from './report-table';
import { TerminalLink } from './terminal-link';

type Offender = DeviceHealthReport['repeatOffenders'][number];

/** The terminals that failed most, and what the report recommends doing, in the page's language. */
export function OffendersSection({ report }: { report: DeviceHealthReport }) {
  const { t, language, locale } = useI18n();
  const count = (n: number) => formatCount(n, locale);
  return (
    <ReportSection title={t('reports.section.offenders')}>
      <ReportTable<Offender>
        label={t('reports.section.offenders')}
        rows={report.repeatOffenders}
        rowKey={(o) => o.terminalId}
        emptyText={t('reports.noOffenders')}
        columns={[
          { header: t('reports.col.terminal'), cell: (o) => <TerminalLink terminalId={o.terminalId} /> },
          { header: t('reports.col.merchant'), cell: (o) => o.merchantName ?? '—' },
          { header: t('reports.col.outages'), numeric: true, cell: (o) => count(o.outages) },
          { header: t('reports.col.alerts'), numeric: true, cell: (o) => count(o.alerts) },
          {
            header: t('reports.col.faultTime'),
            numeric: true,
            cell: (o) => formatMinutes(o.faultMinutes, t),
          },
          {
            header: t('reports.col.mainCause'),
            cell: (o) => (o.mainCause === null ? '—' : lossCauseName(o.mainCause, t)),
          },
        ]}
      />
      <h3 className="reports__subtitle">{t('reports.recommendations')}</h3>
      {report.recommendations.length === 0 ? (
        <p className="muted">{t('reports.noRecommendations')}</p>
      ) : (
        <ul className="reports__recommendations">
          {report.recommendations.map((r) => (
            <li key={r.code}>
              {r.text[language]}
              {r.terminalIds.length > 0 ? (
                <span className="reports__terminals">
                  {r.terminalIds.slice(0, 8).map((id) => (
                    <TerminalLink key={id} terminalId={id} />
                  ))}
                  {r.terminalIds.length > 8 ? (
                    <span className="muted">+{r.terminalIds.length - 8}</span>
                  ) : null}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </ReportSection>
  );
}
