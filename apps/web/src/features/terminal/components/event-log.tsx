import type { TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import { StatusPanel } from '../../../components/status-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';

interface LogRow {
  t: string;
  kind: 'event' | 'paper';
  label: string;
  detail: string | null;
}

/** Device events and paper status changes in one list, newest first. */
export function EventLog({ series }: { series: TerminalSeriesView }) {
  const { t, locale } = useI18n();
  const rows: LogRow[] = [
    ...series.events.map((e) => ({ t: e.t, kind: 'event' as const, label: e.code, detail: e.detail })),
    ...series.paper.map((p) => ({
      t: p.t,
      kind: 'paper' as const,
      label: t('reading.paper'),
      detail: p.status,
    })),
  ].sort((a, b) => Date.parse(b.t) - Date.parse(a.t));
  return (
    <section className="panel" aria-label={t('terminal.events')}>
      <h2 className="panel__title">{t('terminal.events')}</h2>
      {rows.length === 0 ? (
        <StatusPanel tone="empty" title={t('terminal.noEvents')} />
      ) : (
        <div className="table-scroll table-scroll--short">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('table.time')}</th>
                <th scope="col">{t('table.event')}</th>
                <th scope="col">{t('table.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={`${row.t}-${i}`}>
                  <td>{formatDateTime(row.t, locale)}</td>
                  <td className={row.kind === 'event' ? 'table__mono' : undefined}>{row.label}</td>
                  <td>{row.detail ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
