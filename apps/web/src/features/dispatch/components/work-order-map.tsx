import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { attachBasemap } from '../../../components/map/basemap-layer';
import { env } from '../../../lib/env';

const CHINA: L.LatLngBoundsExpression = [
  [18, 73],
  [54, 135],
];

const SLA_COLOURS: Record<WorkOrderView['slaState'], string> = {
  on_track: '#17803d',
  at_risk: '#d98a00',
  breached: '#b42318',
  met: '#5f6b7d',
};

interface WorkOrderMapProps {
  orders: readonly WorkOrderView[];
  label: string;
  titleOf: (order: WorkOrderView) => string;
  onSelect: (id: string) => void;
}

/**
 * Open orders as dots coloured by SLA state, on the fleet map's basemap and canvas renderer.
 * Open orders are tens, not the fleet's thousands: no clustering needed.
 */
export function WorkOrderMap({ orders, label, titleOf, onSelect }: WorkOrderMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  // Zoomed to the orders once, when they first arrive; after that the dispatcher's view stays.
  // Without street tiles the embedded basemap has only outlines, useless past province level.
  const fitted = useRef(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = L.map(element, { preferCanvas: true, minZoom: 3, maxZoom: 18 });
    map.fitBounds(CHINA);
    if (env.tileUrl) L.tileLayer(env.tileUrl, { maxZoom: 18 }).addTo(map);
    const detachBasemap = attachBasemap(map, element);
    layerRef.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    return () => {
      detachBasemap();
      map.stop();
      requestAnimationFrame(() => map.remove());
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    layer.clearLayers();
    for (const order of orders) {
      const marker = L.circleMarker([order.lat, order.lon], {
        radius: 8,
        color: '#ffffff',
        weight: 2,
        fillColor: SLA_COLOURS[order.slaState],
        fillOpacity: 0.95,
      });
      marker.bindTooltip(titleOf(order));
      marker.on('click', () => select.current(order.id));
      layer.addLayer(marker);
    }
    if (!fitted.current && orders.length > 0 && mapRef.current) {
      fitted.current = true;
      const bounds = L.latLngBounds(orders.map((order) => [order.lat, order.lon] as L.LatLngTuple));
      mapRef.current.fitBounds(bounds, { padding: [40, 40], maxZoom: env.tileUrl ? 12 : 6 });
    }
  }, [orders, titleOf]);

  return (
    <div
      ref={container}
      className="dispatch-map"
      role="region"
      aria-label={label}
      data-testid="dispatch-map"
    />
  );
}
