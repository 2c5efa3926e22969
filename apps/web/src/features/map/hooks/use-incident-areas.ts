import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import { useMemo } from 'react';
import { useIncidentDetails } from '../../../api/get-incident';
import { useIncidents } from '../../../api/get-incidents';
import { convexHull, type LatLon } from '../../../components/map/convex-hull';
import type { MapArea } from '../../../components/map/fleet-map';
import type { Translate } from '../../../lib/i18n/translate';
import { indexById } from '../../../lib/index-by-id';

/** Open incidents as outlines around their member terminals' positions. */
export function useIncidentAreas(view: FleetMapView | undefined, enabled: boolean, t: Translate): MapArea[] {
  const incidents = useIncidents('open', enabled);
  const ids = useMemo(() => (incidents.data?.items ?? []).map((i) => i.id), [incidents.data]);
  const details = useIncidentDetails(enabled ? ids : []);
  const detailData = details.map((d) => d.data);
  // A stable key for "the same answers", since useQueries hands back a fresh array each render.
  const detailKey = details.map((d) => `${d.data?.id}@${d.dataUpdatedAt}`).join(',');
  return useMemo(() => {
    if (!view) return [];
    // Cached per ids column, which live patches keep: not rebuilt for 100k terminals per push.
    const position = indexById(view.ids);
    return detailData.flatMap((incident) => {
      if (!incident?.memberIds?.length) return [];
      const points: LatLon[] = [];
      for (const id of incident.memberIds) {
        const i = position.get(id);
        if (i !== undefined) points.push([view.lat[i]!, view.lon[i]!]);
      }
      if (points.length === 0) return [];
      const scope = incident.mccMnc ?? incident.region ?? '';
      return [
        {
          id: incident.id,
          label: `${t(`cause.${incident.code}`)} ${scope} · ${incident.terminalCount}`,
          outline: convexHull(points),
        },
      ];
    });
  }, [view, t, detailKey]);
}
