import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import { describe, expect, it } from 'vitest';
import { patchFleetMap } from './patch-fleet-map';

const view: FleetMapView = {
  ids: ['A', 'B'],
  lat: [31, 32],
  lon: [121, 122],
  online: [1, 1],
  riskScore: [5, 10],
  topCause: ['', ''],
  region: ['east', 'east'],
  mccMnc: ['46000', '46001'],
  merchantId: ['M1', 'M2'],
};

describe('patchFleetMap', () => {
  it('updates state, risk and cause of the changed terminal and shares the rest', () => {
    const next = patchFleetMap(view, [
      { terminalId: 'B', online: false, lastSeenAt: null, riskScore: 90, topCause: 'OFFLINE' },
    ]);
    expect(next.online).toEqual([1, 0]);
    expect(next.riskScore).toEqual([5, 90]);
    expect(next.topCause).toEqual(['', 'OFFLINE']);
    expect(next.lat).toBe(view.lat);
    expect(view.online).toEqual([1, 1]);
  });

  it('returns the same view when no known terminal changed', () => {
    const change = { terminalId: 'Z', online: true, lastSeenAt: null, riskScore: 1, topCause: '' };
    expect(patchFleetMap(view, [change])).toBe(view);
  });

  it('maps a terminal that never reported to "unknown"', () => {
    const next = patchFleetMap(view, [
      { terminalId: 'A', online: null, lastSeenAt: null, riskScore: 0, topCause: '' },
    ]);
    expect(next.online[0]).toBe(2);
  });
});
