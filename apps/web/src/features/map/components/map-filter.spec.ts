import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import { describe, expect, it } from 'vitest';
import { distinctValues, filterMapPoints, NO_FILTERS } from './map-filter';

const view: FleetMapView = {
  ids: ['A', 'B', 'C', 'D'],
  lat: [31, 31.1, 39.9, 23.1],
  lon: [121, 121.1, 116.4, 113.3],
  online: [1, 0, 1, 2],
  riskScore: [10, 85, 45, 0],
  topCause: ['', 'OFFLINE', 'SIM_DATA_EXHAUSTION', ''],
  region: ['east', 'east', 'north', 'south'],
  mccMnc: ['46000', '46001', '46000', ''],
  merchantId: ['M-shop-1', 'M-shop-2', 'M-bar-3', 'M-shop-4'],
};

describe('filterMapPoints', () => {
  it('keeps everything without filters', () => {
    expect([...filterMapPoints(view, NO_FILTERS)]).toEqual([0, 1, 2, 3]);
  });

  it('combines region, carrier, cause and risk', () => {
    expect([...filterMapPoints(view, { ...NO_FILTERS, region: 'east' })]).toEqual([0, 1]);
    expect([...filterMapPoints(view, { ...NO_FILTERS, mccMnc: '46000', minRisk: 40 })]).toEqual([2]);
    expect([...filterMapPoints(view, { ...NO_FILTERS, cause: 'OFFLINE' })]).toEqual([1]);
  });

  it('matches merchants by part of the id, ignoring case', () => {
    expect([...filterMapPoints(view, { ...NO_FILTERS, merchantId: 'SHOP' })]).toEqual([0, 1, 3]);
  });
});

describe('distinctValues', () => {
  it('lists each non-empty value once, sorted', () => {
    expect(distinctValues(view.mccMnc)).toEqual(['46000', '46001']);
  });
});
