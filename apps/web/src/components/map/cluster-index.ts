import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { POINT_STATES, type PointState } from './point-style';

export interface PointProps {
  /** Index into the FleetMapView columns. */
  i: number;
  /** Rank of the point's state (see POINT_STATES), so clusters can keep their worst. */
  rank: number;
}

export interface ClusterProps {
  rank: number;
}

/** The columns a cluster index is built from; plain typed arrays so they can move to a worker. */
export interface ClusterInput {
  /** View index of each chosen terminal. */
  indices: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  rank: Uint8Array;
}

/** One mark to draw: a cluster (with id and count) or a single terminal (with its view index). */
export type ClusterItem =
  | { kind: 'cluster'; id: number; count: number; rank: number; lon: number; lat: number }
  | { kind: 'point'; i: number; rank: number; lon: number; lat: number };

export type FleetClusterIndex = Supercluster<PointProps, ClusterProps>;

// Levels 3–13 only: below 3 the whole fleet is one blob anyway, above 13 a city block shows
// its points one by one. Each level dropped saves a share of the build time for 100k points.
export const MIN_CLUSTER_ZOOM = 3;
export const MAX_CLUSTER_ZOOM = 13;

/**
 * Clusters the chosen terminals so 100k points draw as a few hundred marks at any zoom.
 * Each cluster remembers the worst state among its members for its colour. `maxZoom` below
 * the full depth gives a partial index, several times quicker to build, that answers
 * correctly only up to that zoom.
 */
export function buildClusterIndex(
  { indices, lon, lat, rank }: ClusterInput,
  maxZoom = MAX_CLUSTER_ZOOM,
): FleetClusterIndex {
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: 48,
    minZoom: MIN_CLUSTER_ZOOM,
    maxZoom: Math.max(MIN_CLUSTER_ZOOM, Math.min(MAX_CLUSTER_ZOOM, maxZoom)),
    map: (props) => ({ rank: props.rank }),
    reduce: (acc, props) => {
      acc.rank = Math.min(acc.rank, props.rank);
    },
  });
  const features: Array<PointFeature<PointProps>> = new Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    features[k] = {
      type: 'Feature',
      properties: { i: indices[k]!, rank: rank[k]! },
      geometry: { type: 'Point', coordinates: [lon[k]!, lat[k]!] },
    };
  }
  index.load(features);
  return index;
}

/** The marks inside `bbox` ([west, south, east, north]) at `zoom`, in a compact form. */
export function clustersIn(
  index: FleetClusterIndex,
  bbox: [number, number, number, number],
  zoom: number,
): ClusterItem[] {
  return index.getClusters(bbox, zoom).map((feature) => {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    const props = feature.properties as Partial<ClusterProperties> & { rank: number; i?: number };
    return props.cluster
      ? { kind: 'cluster', id: props.cluster_id!, count: props.point_count!, rank: props.rank, lon, lat }
      : { kind: 'point', i: props.i!, rank: props.rank, lon, lat };
  });
}

export function stateOfRank(rank: number): PointState {
  return POINT_STATES[rank] ?? 'unknown';
}
