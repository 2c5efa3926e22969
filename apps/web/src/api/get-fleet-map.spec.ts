import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import { encodeFleetMap } from '@fleet/telemetry/api/fleet-map-codec';
import { describe, expect, it } from 'vitest';
import { fleetMapSchema } from './get-fleet-map';

const view: FleetMapView = {
  ids: ['A', 'B'],
  lat: [31, 32],
  lon: [121, 122],
  online: [1, 0],
  riskScore: [5, 90],
  topCause: ['', 'OFFLINE'],
  region: ['east', 'east'],
  mccMnc: ['46000', '46001'],
  merchantId: ['M1', 'M2'],
};
const payload = encodeFleetMap(view);

const issues = (body: unknown) =>
  fleetMapSchema.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('fleetMapSchema', () => {
  it('decodes the wire payload into the columnar view', () => {
    expect(fleetMapSchema.parse(payload)).toEqual(view);
    expect(fleetMapSchema.parse(encodeFleetMap({ ...view, ...emptyColumns() })).ids).toEqual([]);
  });

  it('names a missing column, a column of the wrong type and a short column', () => {
    const { merchantId: _dropped, ...missing } = payload;
    expect(issues(missing)).toEqual(['merchantId: must be an array of strings']);
    const { mccMnc: _gone, ...noCarrier } = payload;
    expect(issues(noCarrier)).toEqual([
      'mccMnc.values: must be an array of strings',
      'mccMnc.index: must be an array of numbers',
    ]);
    expect(issues({ ...payload, lat5: ['31', '32'] })).toEqual(['lat5: must be an array of numbers']);
    expect(issues({ ...payload, riskScore: [5] })).toEqual([
      'riskScore: every column must have one entry per terminal',
    ]);
    expect(issues({ ...payload, region: { values: ['east'], index: [0] } })).toEqual([
      'region.index: every column must have one entry per terminal',
    ]);
  });
});

function emptyColumns(): FleetMapView {
  return {
    ids: [],
    lat: [],
    lon: [],
    online: [],
    riskScore: [],
    topCause: [],
    region: [],
    mccMnc: [],
    merchantId: [],
  };
}
