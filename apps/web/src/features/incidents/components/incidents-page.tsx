import { useState } from 'react';
import { useIncidents, type IncidentStatusFilter } from '../../../api/get-incidents';
import { StatusPanel } from '../../../components/status-panel';
import { formatCount, formatDateTime, formatTimeAgo } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { useNow } from '../../../lib/use-now';
import { IncidentTimeline } from './incident-timeline';

/** Area-wide problems (carrier outages, payment host failures), open or all. */
export function IncidentsPage() {
  const { t, locale } = useI18n();
  const now = useNow();
  const [status, setStatus] = useState<IncidentStatusFilter>('open');
  const incidents = useIncidents(status);
  const items = incidents.data?.items ?? [];
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page-title">{t('nav.incidents')}</h1>
        <div className="segmented" role="group" aria-label={t('incidents.show')}>
          {(['open', 'all'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {t(`incidents.status.${s}`)}
            </button>
          ))}
        </div>
      </header>
      {incidents.isPending ? (
        <StatusPanel tone="loading" title={t('incidents.loading')} />
      ) : incidents.isError ? (
        <StatusPanel tone="error" title={t('incidents.failed')}>
          <p>{incidents.error.message}</p>
        </StatusPanel>
      ) : items.length === 0 ? (
        <StatusPanel tone="empty" title={status === 'open' ? t('incidents.noneOpen') : t('incidents.none')} />
      ) : (
        <>
          <section className="panel">
            <IncidentTimeline incidents={items} now={now} />
          </section>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('incidents.kind')}</th>
                  <th scope="col">{t('incidents.scope')}</th>
                  <th scope="col">{t('incidents.started')}</th>
                  <th scope="col">{t('incidents.ended')}</th>
                  <th scope="col" className="table__num">
                    {t('incidents.terminals')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((incident) => (
                  <tr key={incident.id}>
                    <td>
                      <a href={href.incident(incident.id)}>{t(`cause.${incident.code}`)}</a>
                    </td>
                    <td>{[incident.mccMnc, incident.region].filter(Boolean).join(' · ') || '—'}</td>
                    <td title={incident.startedAt}>{formatTimeAgo(incident.startedAt, now, locale)}</td>
                    <td>
                      {incident.endedAt ? (
                        formatDateTime(incident.endedAt, locale)
                      ) : (
                        <span className="badge badge--bad">{t('incidents.ongoing')}</span>
                      )}
                    </td>
                    <td className="table__num">{formatCount(incident.terminalCount, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
