// @vitest-environment jsdom
import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import { encodeFleetMap } from '@fleet/telemetry/api/fleet-map-codec';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let MapPage: typeof import('./map-page').MapPage;

const view: FleetMapView = {
  ids: ['A', 'B', 'C'],
  lat: [31.2, 31.3, 39.9],
  lon: [121.4, 121.5, 116.4],
  online: [1, 0, 1],
  riskScore: [5, 90, 50],
  topCause: ['', 'OFFLINE', 'SIM_EXPIRY'],
  region: ['east', 'east', 'north'],
  mccMnc: ['46000', '46001', '46000'],
  merchantId: ['M-1', 'M-2', 'M-3'],
};

serveCannedApi(server, async () => {
  ({ MapPage } = await import('./map-page'));
});

describe('MapPage', () => {
  it('offers filters built from the fleet and counts what they keep', async () => {
    server.answer('/api/v1/fleet/map', 200, encodeFleetMap(view));
    server.answer('/api/v1/incidents', 200, { items: [] });
    renderUi(<MapPage role="support" />);
    expect(await screen.findByText('3 of 3 terminals shown')).toBeTruthy();

    const carrier = screen.getByLabelText('Carrier');
    expect([...carrier.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Any',
      '46000 · China Mobile',
      '46001 · China Unicom',
    ]);
    fireEvent.change(carrier, { target: { value: '46000' } });
    expect(screen.getByText('2 of 3 terminals shown')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Risk'), { target: { value: '40' } });
    expect(screen.getByText('1 of 3 terminals shown')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByText('3 of 3 terminals shown')).toBeTruthy();
    expect(server.requests).toContain('/api/v1/incidents?status=open');
  });

  it('says plainly when the browser cannot draw, instead of a blank box', async () => {
    server.answer('/api/v1/fleet/map', 200, encodeFleetMap(view));
    server.answer('/api/v1/incidents', 200, { items: [] });
    renderUi(<MapPage role="account_manager" />);
    expect(await screen.findByText('This browser cannot draw the map (no canvas support)')).toBeTruthy();
    expect(server.requests).not.toContain('/api/v1/incidents?status=open');
  });

  it('rejects a map whose columns disagree in length', async () => {
    server.answer('/api/v1/fleet/map', 200, { ...encodeFleetMap(view), lat5: [3120000] });
    renderUi(<MapPage role="technician" />);
    // jsdom has no canvas: the "cannot draw" notice shows until the answer fails.
    expect(await screen.findByText(/every column must have one entry per terminal/)).toBeTruthy();
  });
});
