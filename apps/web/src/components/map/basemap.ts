import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

let countries: Promise<FeatureCollection<Geometry>> | undefined;

/**
 * Natural Earth country outlines (1:50m) from the world-atlas package: bundled with the app
 * as its own chunk, so the map has a basemap with no internet at all.
 */
export function loadCountries(): Promise<FeatureCollection<Geometry>> {
  countries ??= import('world-atlas/countries-50m.json').then((module) => {
    const topology = (module.default ?? module) as unknown as Topology<{ countries: GeometryCollection }>;
    return feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
  });
  return countries;
}
