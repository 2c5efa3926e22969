import type { ClusterInput, ClusterItem } from './cluster-index';

/** The part of the map on screen: [west, south, east, north] and the zoom level. */
export interface Viewport {
  bbox: [number, number, number, number];
  zoom: number;
}

/**
 * Messages between the map and its clustering worker. `version` drops answers about an old
 * load. A load answers with the marks for the viewport it names, so the first paint does
 * not wait for the index of every zoom level.
 */
export type ClusterRequest =
  | { type: 'load'; version: number; input: ClusterInput; first: Viewport }
  | {
      type: 'clusters';
      version: number;
      requestId: number;
      bbox: [number, number, number, number];
      zoom: number;
    }
  | { type: 'expansion'; version: number; requestId: number; clusterId: number };

export type ClusterResponse =
  | { type: 'loaded'; version: number; items: ClusterItem[] }
  | { type: 'clusters'; version: number; requestId: number; items: ClusterItem[] }
  | { type: 'expansion'; version: number; requestId: number; zoom: number };
