import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import {
  buildClusterIndex,
  clustersIn,
  type ClusterInput,
  type ClusterItem,
  type FleetClusterIndex,
} from './cluster-index';
import type { ClusterRequest, ClusterResponse, Viewport } from './cluster-protocol';
import { pointState, stateRank } from './point-style';

/** The chosen terminals' columns as typed arrays, with each point's state rank precomputed. */
export function clusterInput(view: FleetMapView, indices: ArrayLike<number>): ClusterInput {
  const n = indices.length;
  const input: ClusterInput = {
    indices: Uint32Array.from(indices),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    rank: new Uint8Array(n),
  };
  for (let k = 0; k < n; k++) {
    const i = input.indices[k]!;
    input.lon[k] = view.lon[i]!;
    input.lat[k] = view.lat[i]!;
    input.rank[k] = stateRank(pointState(view.online[i]!, view.riskScore[i]!));
  }
  return input;
}

interface QueuedLoad {
  input: ClusterInput;
  first: Viewport;
  resolve: (items: ClusterItem[] | undefined) => void;
}

/**
 * Clustering behind a promise API: in a Web Worker where the browser has them (building the
 * index for 100k points then costs the page nothing), else on the main thread.
 */
export class ClusterClient {
  private readonly worker: Worker | undefined;
  private local: FleetClusterIndex | undefined;
  private version = 0;
  private nextRequest = 0;
  private readonly pending = new Map<number, (response: ClusterResponse) => void>();
  private loaded: ((response: { version: number; items: ClusterItem[] }) => void) | undefined;
  private queued: QueuedLoad | undefined;

  constructor() {
    if (typeof Worker === 'undefined') return;
    this.worker = new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<ClusterResponse>) => {
      const response = event.data;
      if (response.type === 'loaded') this.loaded?.(response);
      else this.pending.get(response.requestId)?.(response);
      if (response.type !== 'loaded') this.pending.delete(response.requestId);
    };
  }

  /**
   * Loads new input and resolves with the marks for `first`, the viewport on screen. One load
   * runs at a time and at most one waits (the newest; one it replaces resolves undefined):
   * pushes arriving faster than a 100k-point build must not keep restarting it, or the map
   * would never show anything.
   */
  load(input: ClusterInput, first: Viewport): Promise<ClusterItem[] | undefined> {
    if (!this.worker) {
      this.local = buildClusterIndex(input);
      return Promise.resolve(clustersIn(this.local, first.bbox, first.zoom));
    }
    return new Promise((resolve) => {
      const load = { input, first, resolve };
      if (this.loaded === undefined) return this.send(load);
      this.queued?.resolve(undefined);
      this.queued = load;
    });
  }

  private send({ input, first, resolve }: QueuedLoad): void {
    const version = ++this.version;
    this.pending.clear();
    this.loaded = (done) => {
      this.loaded = undefined;
      resolve(done.version === version ? done.items : undefined);
      const next = this.queued;
      this.queued = undefined;
      if (next) this.send(next);
    };
    const message: ClusterRequest = { type: 'load', version, input, first };
    this.worker!.postMessage(message, [
      input.indices.buffer,
      input.lon.buffer,
      input.lat.buffer,
      input.rank.buffer,
    ]);
  }

  clusters(bbox: [number, number, number, number], zoom: number): Promise<ClusterItem[] | undefined> {
    if (!this.worker) return Promise.resolve(this.local ? clustersIn(this.local, bbox, zoom) : []);
    return this.ask({
      type: 'clusters',
      version: this.version,
      requestId: ++this.nextRequest,
      bbox,
      zoom,
    }).then((r) => (r.type === 'clusters' ? r.items : undefined));
  }

  expansionZoom(clusterId: number): Promise<number | undefined> {
    if (!this.worker) return Promise.resolve(this.local?.getClusterExpansionZoom(clusterId));
    return this.ask({
      type: 'expansion',
      version: this.version,
      requestId: ++this.nextRequest,
      clusterId,
    }).then((r) => (r.type === 'expansion' ? r.zoom : undefined));
  }

  private ask(request: Extract<ClusterRequest, { requestId: number }>): Promise<ClusterResponse> {
    return new Promise((resolve) => {
      this.pending.set(request.requestId, resolve);
      this.worker!.postMessage(request);
    });
  }

  terminate(): void {
    this.worker?.terminate();
    this.pending.clear();
    this.loaded = undefined;
    this.queued = undefined;
  }
}
