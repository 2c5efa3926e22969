import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { env } from '../../lib/env';
import { attachBasemap } from './basemap-layer';
import { ClusterClient, clusterInput } from './cluster-client';
import { stateOfRank, type ClusterItem } from './cluster-index';
import type { Viewport } from './cluster-protocol';
import type { LatLon } from './convex-hull';
import { POINT_COLOURS } from './point-style';

export interface MapArea {
  id: string;
  label: string;
  outline: readonly LatLon[];
}

interface FleetMapProps {
  /** Undefined while the points load: the map and its basemap draw meanwhile. */
  view: FleetMapView | undefined;
  /** Indices of the terminals to draw (after filters). */
  indices: ArrayLike<number>;
  areas?: readonly MapArea[];
  onSelectTerminal: (terminalId: string) => void;
  onSelectArea?: (areaId: string) => void;
  label: string;
  /** Accessible name of a cluster marker, e.g. "24 terminals: zoom in". */
  clusterTitle: (count: number) => string;
  /** Zoom to the areas once they are known (an incident's own map). */
  fitToAreas?: boolean;
}

/** Mainland China and neighbours: where the fleet is, shown before any point is known. */
const CHINA: L.LatLngBoundsExpression = [
  [18, 73],
  [54, 135],
];

const REGION: L.LatLngBoundsExpression = [
  [-15, 55],
  [62, 165],
];

const NO_AREAS: readonly MapArea[] = [];

function clusterIcon(count: number, rank: number): L.DivIcon {
  const size = count < 100 ? 30 : count < 1000 ? 38 : 46;
  return L.divIcon({
    html: `<span>${count >= 1000 ? `${Math.round(count / 100) / 10}k` : count}</span>`,
    className: `map-cluster map-cluster--${stateOfRank(rank)}`,
    iconSize: [size, size],
  });
}

/**
 * Leaflet on a canvas renderer with supercluster: only the clusters and points inside the
 * view are drawn, recomputed on every move, so panning stays smooth with 100k terminals.
 */
export function FleetMap({
  view,
  indices,
  areas = NO_AREAS,
  onSelectTerminal,
  onSelectArea,
  label,
  clusterTitle,
  fitToAreas = false,
}: FleetMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const pointsLayer = useRef<L.LayerGroup | null>(null);
  const areasLayer = useRef<L.LayerGroup | null>(null);
  const renderer = useRef<L.Canvas | null>(null);
  const select = useRef(onSelectTerminal);
  select.current = onSelectTerminal;
  const selectArea = useRef(onSelectArea);
  selectArea.current = onSelectArea;
  const titleOf = useRef(clusterTitle);
  titleOf.current = clusterTitle;
  const clusterClient = useRef<ClusterClient | null>(null);
  const painted = useRef(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const canvas = L.canvas({ padding: 0.2 });
    const map = L.map(element, {
      preferCanvas: true,
      renderer: canvas,
      minZoom: 3,
      maxZoom: 18,
      // The fleet is in China: keep the view on Asia-Pacific, away from polar outlines that
      // Mercator stretches across the whole canvas.
      maxBounds: REGION,
      maxBoundsViscosity: 1,
    });
    map.fitBounds(CHINA);
    if (env.tileUrl) L.tileLayer(env.tileUrl, { maxZoom: 18 }).addTo(map);
    const detachBasemap = attachBasemap(map, element);
    renderer.current = canvas;
    clusterClient.current = new ClusterClient();
    areasLayer.current = L.layerGroup().addTo(map);
    pointsLayer.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    return () => {
      detachBasemap();
      clusterClient.current?.terminate();
      clusterClient.current = null;
      // Pan inertia runs in the next animation frame after a drag; removing the map before it
      // would leave that frame panning panes that are gone.
      map.stop();
      requestAnimationFrame(() => map.remove());
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    const layer = pointsLayer.current;
    const clusters = clusterClient.current;
    if (!map || !layer || !clusters || !view) return;
    let latest = 0;
    let ready = false;
    let disposed = false;
    const viewport = (): Viewport => {
      const bounds = map.getBounds();
      return {
        bbox: [
          Math.max(-180, bounds.getWest()),
          Math.max(-85, bounds.getSouth()),
          Math.min(180, bounds.getEast()),
          Math.min(85, bounds.getNorth()),
        ],
        zoom: Math.round(map.getZoom()),
      };
    };
    const paint = (items: readonly ClusterItem[]) => {
      layer.clearLayers();
      for (const item of items) layer.addLayer(markFor(item));
      container.current?.setAttribute('data-points', String(items.length));
      painted.current = true;
    };
    const draw = async () => {
      // Counted even before the index is ready, so a move during the load is noticed.
      const request = ++latest;
      if (!ready) return;
      const { bbox, zoom } = viewport();
      const items = await clusters.clusters(bbox, zoom);
      // A later move or a new load has superseded this answer.
      if (!items || request !== latest || !mapRef.current) return;
      paint(items);
    };
    const markFor = (item: ClusterItem): L.Layer => {
      if (item.kind === 'cluster') {
        const marker = L.marker([item.lat, item.lon], {
          icon: clusterIcon(item.count, item.rank),
          title: titleOf.current(item.count),
        });
        marker.on('click', () => {
          void clusters.expansionZoom(item.id).then((zoom) => {
            if (zoom !== undefined && mapRef.current) map.setView([item.lat, item.lon], Math.min(zoom, 18));
          });
        });
        return marker;
      }
      const dot = L.circleMarker([item.lat, item.lon], {
        radius: 6,
        color: '#ffffff',
        weight: 1.5,
        fillColor: POINT_COLOURS[stateOfRank(item.rank)],
        fillOpacity: 0.95,
      });
      dot.bindTooltip(view.ids[item.i]!);
      dot.on('click', () => select.current(view.ids[item.i]!));
      return dot;
    };
    const onMove = () => void draw();
    map.on('moveend', onMove);
    const first = viewport();
    const request = ++latest;
    void clusters.load(clusterInput(view, indices), first).then((items) => {
      if (!items || !mapRef.current) return;
      // A newer view (a push) is being clustered; until it is, this one beats an empty map.
      if (disposed) {
        if (!painted.current) paint(items);
        return;
      }
      ready = true;
      // The first marks come with the index; if the map moved meanwhile, ask again.
      if (request === latest) paint(items);
      else void draw();
    });
    return () => {
      disposed = true;
      latest++;
      map.off('moveend', onMove);
    };
  }, [view, indices]);

  useEffect(() => {
    const layer = areasLayer.current;
    if (!layer) return;
    layer.clearLayers();
    for (const area of areas) {
      const latlngs = area.outline.map(([lat, lon]) => L.latLng(lat, lon));
      const shape =
        latlngs.length >= 3
          ? L.polygon(latlngs, {
              renderer: renderer.current ?? undefined,
              color: '#7c3aed',
              weight: 2,
              fillOpacity: 0.12,
              dashArray: '6 4',
            })
          : L.circle(latlngs[0] ?? L.latLng(0, 0), {
              radius: 20_000,
              color: '#7c3aed',
              weight: 2,
              fillOpacity: 0.12,
            });
      shape.bindTooltip(area.label, { sticky: true });
      shape.on('click', () => selectArea.current?.(area.id));
      layer.addLayer(shape);
    }
    const outline = areas.flatMap((area) => area.outline.map(([lat, lon]) => L.latLng(lat, lon)));
    if (fitToAreas && outline.length > 0 && mapRef.current) {
      mapRef.current.fitBounds(L.latLngBounds(outline), { padding: [32, 32], maxZoom: 11 });
    }
  }, [areas, fitToAreas]);

  return (
    <div
      ref={container}
      className="fleet-map"
      role="application"
      aria-label={label}
      data-testid="fleet-map"
    />
  );
}
