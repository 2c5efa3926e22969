import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type BasemapDetail = 'coarse' | 'fine';

/** From this zoom on the 1:50m outlines are worth their weight; below it 1:110m looks the same. */
export const FINE_BASEMAP_ZOOM = 6;

const loaded = new Map<BasemapDetail, Promise<FeatureCollection<Geometry>>>();

function toFeatures(module: unknown): FeatureCollection<Geometry> {
  const topology = ((module as { default?: unknown }).default ?? module) as Topology<{
    countries: GeometryCollection;
  }>;
  return feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
}

/**
 * Natural Earth country outlines from the world-atlas package, bundled with the app as
 * chunks so the map has a basemap with no internet at all. The coarse set (1:110m, 100 KB)
 * draws the country view in a fraction of the time of the fine one (1:50m, 750 KB), which
 * the map loads only when zoomed in.
 */
export function loadCountries(detail: BasemapDetail): Promise<FeatureCollection<Geometry>> {
  let countries = loaded.get(detail);
  if (!countries) {
    countries =
      detail === 'coarse'
        ? import('world-atlas/countries-110m.json').then(toFeatures)
        : import('world-atlas/countries-50m.json').then(toFeatures);
    loaded.set(detail, countries);
  }
  return countries;
}
