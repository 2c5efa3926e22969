/// <reference lib="webworker" />
import {
  buildClusterIndex,
  clustersIn,
  MAX_CLUSTER_ZOOM,
  type ClusterInput,
  type FleetClusterIndex,
} from './cluster-index';
import type { ClusterRequest, ClusterResponse } from './cluster-protocol';

/**
 * Builds and queries the cluster index off the main thread, so the page stays responsive.
 * A load first builds the levels down to the viewport's zoom only and answers with its
 * marks (about a fifth of the full build for 100k points), then builds every level.
 */
let index: FleetClusterIndex | undefined;
let pendingInput: ClusterInput | undefined;
let version = -1;

function reply(message: ClusterResponse): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
}

/** The full index, built now if the deferred build has not run yet. */
function fullIndex(): FleetClusterIndex | undefined {
  if (pendingInput) {
    index = buildClusterIndex(pendingInput);
    pendingInput = undefined;
  }
  return index;
}

self.onmessage = (event: MessageEvent<ClusterRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'load': {
      version = request.version;
      index = undefined;
      pendingInput = request.input;
      const { bbox, zoom } = request.first;
      const first = zoom < MAX_CLUSTER_ZOOM ? buildClusterIndex(request.input, zoom) : fullIndex()!;
      reply({ type: 'loaded', version, items: clustersIn(first, bbox, zoom) });
      setTimeout(fullIndex, 0);
      return;
    }
    case 'clusters': {
      const full = request.version === version ? fullIndex() : undefined;
      if (!full) return;
      reply({
        type: 'clusters',
        version,
        requestId: request.requestId,
        items: clustersIn(full, request.bbox, request.zoom),
      });
      return;
    }
    case 'expansion': {
      const full = request.version === version ? fullIndex() : undefined;
      if (!full) return;
      reply({
        type: 'expansion',
        version,
        requestId: request.requestId,
        zoom: full.getClusterExpansionZoom(request.clusterId),
      });
      return;
    }
  }
};
