import { useMemo } from 'react';
import { useFleetMap } from '../../../api/get-fleet-map';
import { useIncident } from '../../../api/get-incident';
import { canvasSupported } from '../../../components/map/canvas-support';
import { convexHull, type LatLon } from '../../../components/map/convex-hull';
import { FleetMap } from '../../../components/map/fleet-map';
import { StatusPanel } from '../../../components/status-panel';
import { formatCount, formatDateTime } from '../../../lib/format';
import { indexById } from '../../../lib/index-by-id';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { navigate } from '../../../lib/router/use-route';
import { useNow } from '../../../lib/use-now';
import { IncidentTimeline } from './incident-timeline';

/** One incident: what and since when, its members on the map and as a list. */
export function IncidentPage({ incidentId }: { incidentId: string }) {
  const { t, locale } = useI18n();
  const now = useNow();
  const incident = useIncident(incidentId);
  const map = useFleetMap();
  const members = incident.data?.memberIds;
  const view = map.data;
  const memberIndices = useMemo(() => {
    if (!view || !members) return new Uint32Array(0);
    // Look the few members up instead of scanning the whole fleet on every live patch.
    const byId = indexById(view.ids);
    const found = new Set<number>();
    for (const id of members) {
      const i = byId.get(id);
      if (i !== undefined) found.add(i);
    }
    return Uint32Array.from(found).sort();
  }, [view, members]);
  const areas = useMemo(() => {
    if (!view || !incident.data || memberIndices.length === 0) return [];
    const points: LatLon[] = Array.from(memberIndices, (i) => [view.lat[i]!, view.lon[i]!] as const);
    return [{ id: incident.data.id, label: t(`cause.${incident.data.code}`), outline: convexHull(points) }];
  }, [view, incident.data, memberIndices, t]);

  if (incident.isPending) return <StatusPanel tone="loading" title={t('incidents.loadingOne')} />;
  if (incident.isError) {
    return (
      <StatusPanel tone="error" title={t('incidents.failedOne')}>
        <p>{incident.error.message}</p>
        <a href={href.incidents()}>{t('incidents.back')}</a>
      </StatusPanel>
    );
  }
  const data = incident.data;
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page-title">
          {t(`cause.${data.code}`)} {data.mccMnc ?? data.region ?? ''}
        </h1>
        {data.endedAt ? (
          <span className="badge badge--muted">{t('incidents.endedBadge')}</span>
        ) : (
          <span className="badge badge--bad">{t('incidents.ongoing')}</span>
        )}
        <span className="panel__meta">
          {t('incidents.since', {
            when: formatDateTime(data.startedAt, locale),
            n: formatCount(data.terminalCount, locale),
          })}
        </span>
      </header>
      <p className="muted">{t(`action.${data.code}`)}</p>
      <section className="panel">
        <IncidentTimeline incidents={[data]} now={now} />
      </section>
      <div className="incident-grid">
        <div className="incident-grid__map">
          {map.isError ? (
            <StatusPanel tone="error" title={t('map.failed')}>
              <p>{map.error.message}</p>
            </StatusPanel>
          ) : !view ? (
            <StatusPanel tone="loading" title={t('map.loading')} />
          ) : !canvasSupported() ? (
            <StatusPanel tone="error" title={t('map.noCanvas')} />
          ) : (
            <FleetMap
              view={view}
              indices={memberIndices}
              areas={areas}
              label={t('incidents.membersMap')}
              clusterTitle={(n) => t('map.cluster', { n })}
              fitToAreas
              onSelectTerminal={(id) => navigate(href.terminal(id))}
            />
          )}
        </div>
        <section className="panel" aria-label={t('incidents.members')}>
          <h2 className="panel__title">
            {t('incidents.members')} ({formatCount(members?.length ?? 0, locale)})
          </h2>
          {members?.length ? (
            <ul className="member-list">
              {members.map((id) => (
                <li key={id}>
                  <a className="table__mono" href={href.terminal(id)}>
                    {id}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('incidents.noMembers')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
