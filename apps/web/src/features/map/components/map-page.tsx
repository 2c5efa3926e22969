import { useMemo, useState } from 'react';
import { useFleetMap } from '../../../api/get-fleet-map';
import { canvasSupported } from '../../../components/map/canvas-support';
import { FleetMap } from '../../../components/map/fleet-map';
import { StatusPanel } from '../../../components/status-panel';
import { can } from '../../../lib/auth/permissions';
import type { Role } from '../../../lib/auth/session-schema';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { navigate } from '../../../lib/router/use-route';
import { useIncidentAreas } from '../hooks/use-incident-areas';
import { filterMapPoints, NO_FILTERS, type MapFilters } from './map-filter';
import { MapFiltersForm } from './map-filters-form';
import { MapLegend } from './map-legend';

/** The live map: every terminal as a coloured point, clustered, with incident areas. */
export function MapPage({ role }: { role: Role }) {
  const { t, locale } = useI18n();
  const map = useFleetMap();
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  const view = map.data;
  const indices = useMemo(
    () => (view ? filterMapPoints(view, filters) : new Uint32Array(0)),
    [view, filters],
  );
  const areas = useIncidentAreas(view, can(role, 'viewIncidents'), t);
  const [drawable] = useState(canvasSupported);

  return (
    <div className="map-page">
      <aside className="map-page__side">
        <h1 className="page-title">{t('nav.map')}</h1>
        {view ? (
          <>
            <p className="muted" role="status">
              {t('map.showing', {
                shown: formatCount(indices.length, locale),
                total: formatCount(view.ids.length, locale),
              })}
            </p>
            <MapFiltersForm view={view} filters={filters} onChange={setFilters} />
          </>
        ) : null}
        <MapLegend />
      </aside>
      <div className="map-page__map">
        {map.error ? (
          <StatusPanel tone="error" title={t('map.failed')}>
            <p>{map.error.message}</p>
          </StatusPanel>
        ) : !drawable ? (
          <StatusPanel tone="error" title={t('map.noCanvas')} />
        ) : (
          <>
            {/* Mounted at once: Leaflet, the basemap and the cluster worker start while the points download. */}
            <FleetMap
              view={view}
              indices={indices}
              areas={areas}
              label={t('map.label')}
              clusterTitle={(n) => t('map.cluster', { n })}
              onSelectTerminal={(id) => navigate(href.terminal(id))}
              onSelectArea={(id) => navigate(href.incident(id))}
            />
            {!view || view.ids.length === 0 ? (
              <div className="map-page__overlay">
                {view ? (
                  <StatusPanel tone="empty" title={t('map.empty')} />
                ) : (
                  <StatusPanel tone="loading" title={t('map.loading')} />
                )}
              </div>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
