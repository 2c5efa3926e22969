import type { FleetMapView } from '@fleet/telemetry/api/fleet';
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

const issues = (body: unknown) =>
  fleetMapSchema.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('fleetMapSchema', () => {
  it('accepts the columnar view as it is', () => {
    expect(fleetMapSchema.parse(view)).toEqual(view);
    expect(
      fleetMapSchema.parse({
        ...view,
        ids: [],
        lat: [],
        lon: [],
        online: [],
        riskScore: [],
        topCause: [],
        region: [],
        mccMnc: [],
        merchantId: [],
      }),
    ).toBeTruthy();
  });

  it('names a missing column, a column of the wrong type and a short column', () => {
    const { merchantId: _dropped, ...missing } = view;
    expect(issues(missing)).toEqual(['merchantId: must be an array of strings']);
    expect(issues({ ...view, lat: ['31', '32'] })).toEqual(['lat: must be an array of numbers']);
    expect(issues({ ...view, riskScore: [5] })).toEqual([
      'riskScore: every column must have one entry per terminal',
    ]);
  });
});
