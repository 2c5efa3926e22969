import { describe, expect, it } from 'vitest';
import type { FleetMapView } from './fleet';
import { decodeFleetMap, encodeFleetMap } from './fleet-map-codec';

const view: FleetMapView = {
  ids: ['T1', 'T2', 'T3'],
  lat: [31.230416, 39.904211, 31.2304],
  lon: [121.473701, 116.407395, 121.4737],
  online: [1, 0, 2],
  riskScore: [0, 90, 40],
  topCause: ['', 'OFFLINE', 'SIM_DATA'],
  region: ['Shanghai', 'Beijing', 'Shanghai'],
  mccMnc: ['46000', '46000', ''],
  merchantId: ['M1', 'M2', 'M1'],
};

describe('fleet map codec', () => {
  it('round-trips every column, coordinates to 1e-5 degree', () => {
    const decoded = decodeFleetMap(JSON.parse(JSON.stringify(encodeFleetMap(view))));
    expect({ ...decoded, lat: [], lon: [] }).toEqual({ ...view, lat: [], lon: [] });
    // Rounded to the nearest 1e-5 degree: at most half a step off.
    decoded.lat.forEach((lat, i) => expect(Math.abs(lat - view.lat[i]!)).toBeLessThanOrEqual(0.501e-5));
    decoded.lon.forEach((lon, i) => expect(Math.abs(lon - view.lon[i]!)).toBeLessThanOrEqual(0.501e-5));
  });

  it('sends coordinates as integers and each string once per column', () => {
    const payload = encodeFleetMap(view);
    expect(payload.lat5).toEqual([3123042, 3990421, 3123040]);
    expect(payload.region).toEqual({ values: ['Shanghai', 'Beijing'], index: [0, 1, 0] });
    expect(payload.mccMnc).toEqual({ values: ['46000', ''], index: [0, 0, 1] });
  });

  it('is much smaller than the plain columns for a realistic fleet', () => {
    const n = 10_000;
    const big: FleetMapView = {
      ids: Array.from({ length: n }, (_, i) => `T${String(i).padStart(7, '0')}`),
      lat: Array.from({ length: n }, () => 20 + Math.random() * 20),
      lon: Array.from({ length: n }, () => 100 + Math.random() * 20),
      online: Array.from({ length: n }, (_, i) => i % 3),
      riskScore: Array.from({ length: n }, (_, i) => i % 100),
      topCause: Array.from({ length: n }, (_, i) => (i % 20 ? '' : 'SIM_DATA')),
      region: Array.from({ length: n }, (_, i) => `Region ${i % 19}`),
      mccMnc: Array.from({ length: n }, (_, i) => ['46000', '46001', '46011'][i % 3]!),
      merchantId: Array.from({ length: n }, (_, i) => `M${String(i >> 2).padStart(9, '0')}`),
    };
    const plain = JSON.stringify(big).length;
    const compact = JSON.stringify(encodeFleetMap(big)).length;
    expect(compact).toBeLessThan(plain * 0.6);
  });

  it('decodes an index outside its dictionary as an empty string', () => {
    const payload = encodeFleetMap(view);
    payload.region.index[0] = 7;
    expect(decodeFleetMap(payload).region[0]).toBe('');
  });
});
