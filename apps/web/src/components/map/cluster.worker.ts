/// <reference lib="webworker" />
import { buildClusterIndex, clustersIn, type FleetClusterIndex } from './cluster-index';
import type { ClusterRequest, ClusterResponse } from './cluster-protocol';

/** Builds and queries the cluster index off the main thread, so the page stays responsive meanwhile. */
let index: FleetClusterIndex | undefined;
let version = -1;

function reply(message: ClusterResponse): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
}

self.onmessage = (event: MessageEvent<ClusterRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'load':
      index = buildClusterIndex(request.input);
      version = request.version;
      reply({ type: 'loaded', version });
      return;
    case 'clusters':
      if (!index || request.version !== version) return;
      reply({
        type: 'clusters',
        version,
        requestId: request.requestId,
        items: clustersIn(index, request.bbox, request.zoom),
      });
      return;
    case 'expansion':
      if (!index || request.version !== version) return;
      reply({
        type: 'expansion',
        version,
        requestId: request.requestId,
        zoom: index.getClusterExpansionZoom(request.clusterId),
      });
      return;
  }
};
