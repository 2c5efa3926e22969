import type { ClusterInput, ClusterItem } from './cluster-index';

/** Messages between the map and its clustering worker. `version` drops answers about an old load. */
export type ClusterRequest =
  | { type: 'load'; version: number; input: ClusterInput }
  | {
      type: 'clusters';
      version: number;
      requestId: number;
      bbox: [number, number, number, number];
      zoom: number;
    }
  | { type: 'expansion'; version: number; requestId: number; clusterId: number };

export type ClusterResponse =
  | { type: 'loaded'; version: number }
  | { type: 'clusters'; version: number; requestId: number; items: ClusterItem[] }
  | { type: 'expansion'; version: number; requestId: number; zoom: number };
