import L from 'leaflet';
import { env } from '../../lib/env';
import { FINE_BASEMAP_ZOOM, loadCountries, type BasemapDetail } from './basemap';

/** ISO 3166-1 numeric id of China in world-atlas. */
const CHINA_ID = '156';

/**
 * Country outlines under the fleet, drawn by the map's canvas renderer, with China (where
 * the fleet is) standing out. Coarse outlines at country zoom, fine ones once zoomed in;
 * `element` gets data-basemap="ready" once the first set is drawn. Returns a detach function.
 */
export function attachBasemap(map: L.Map, element: HTMLElement): () => void {
  let shown: { detail: BasemapDetail; layer: L.GeoJSON } | undefined;
  let wanted: BasemapDetail | undefined;
  let detached = false;

  const show = (detail: BasemapDetail) => {
    if (wanted === detail) return;
    wanted = detail;
    void loadCountries(detail).then((countries) => {
      if (detached || wanted !== detail) return;
      const layer = L.geoJSON(countries, {
        interactive: false,
        style: (country) => ({
          color: '#9aa7bb',
          weight: 0.8,
          fillColor: env.tileUrl ? 'transparent' : country?.id === CHINA_ID ? '#ffffff' : '#eef1f5',
          fillOpacity: 1,
        }),
      });
      layer.addTo(map).bringToBack();
      shown?.layer.remove();
      shown = { detail, layer };
      element.dataset.basemap = 'ready';
    });
  };
  const follow = () => show(map.getZoom() >= FINE_BASEMAP_ZOOM ? 'fine' : 'coarse');
  map.on('zoomend', follow);
  follow();
  return () => {
    detached = true;
    map.off('zoomend', follow);
  };
}
