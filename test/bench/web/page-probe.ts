/**
 * What the bench installs in the dashboard page before any of its scripts run (Playwright
 * addInitScript), so timings are taken inside the page on the page's own clock:
 * - when the first map cluster element (`.map-cluster`, Leaflet divIcons) entered the DOM,
 *   and two animation frames later (the frame showing it has been produced);
 * - every later redraw of the clusters (the map rebuilds its layer on each change);
 * - frame intervals via requestAnimationFrame, while recording;
 * - every socket.io frame carrying `terminals.changed`, with its arrival time.
 * Times are epoch milliseconds (timeOrigin + now) so the bench can compare them with its own clock.
 */
export interface PageProbe {
  clusterInsertedAt?: number;
  clusterPaintedAt?: number;
  clusterRedraws: number[];
  frames: number[];
  recording: boolean;
  socketEvents: Array<{ at: number; data: string }>;
}

declare global {
  interface Window {
    __bench: PageProbe;
  }
}

export function installPageProbe(): void {
  const epoch = () => performance.timeOrigin + performance.now();
  const probe: PageProbe = { clusterRedraws: [], frames: [], recording: false, socketEvents: [] };
  window.__bench = probe;

  const sawCluster = (nodes: NodeList) => {
    for (const node of Array.from(nodes)) {
      if (node instanceof Element && (node.matches('.map-cluster') || node.querySelector('.map-cluster'))) return true;
    }
    return false;
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (!sawCluster(record.addedNodes)) continue;
      const at = epoch();
      probe.clusterRedraws.push(at);
      if (probe.clusterInsertedAt === undefined) {
        probe.clusterInsertedAt = at;
        requestAnimationFrame(() => requestAnimationFrame(() => (probe.clusterPaintedAt = epoch())));
      }
      return;
    }
  });
  const observe = () => observer.observe(document.documentElement, { childList: true, subtree: true });
  if (document.documentElement) observe();
  else document.addEventListener('DOMContentLoaded', observe);

  let last = 0;
  const frame = (now: number) => {
    if (probe.recording && last > 0) probe.frames.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const NativeWebSocket = window.WebSocket;
  class ProbedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data === 'string' && event.data.includes('"terminals.changed"')) {
          probe.socketEvents.push({ at: epoch(), data: event.data.slice(0, 20_000) });
        }
      });
    }
  }
  window.WebSocket = ProbedWebSocket;
}
