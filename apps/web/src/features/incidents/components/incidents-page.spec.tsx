// @vitest-environment jsdom
import { encodeFleetMap } from '@fleet/telemetry/api/fleet-map-codec';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let IncidentsPage: typeof import('./incidents-page').IncidentsPage;
let IncidentPage: typeof import('./incident-page').IncidentPage;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

const open = {
  id: 'inc-1',
  code: 'CARRIER_OUTAGE',
  startedAt: hoursAgo(2),
  endedAt: null,
  terminalCount: 312,
  mccMnc: '46001',
  region: 'east',
};
const ended = {
  id: 'inc-0',
  code: 'HOST_MAINTENANCE',
  startedAt: hoursAgo(30),
  endedAt: hoursAgo(26),
  terminalCount: 900,
};

serveCannedApi(server, async () => {
  ({ IncidentsPage } = await import('./incidents-page'));
  ({ IncidentPage } = await import('./incident-page'));
});

describe('IncidentsPage', () => {
  it('lists open incidents with a timeline, and all of them on request', async () => {
    server.respond('/api/v1/incidents', (request) => ({
      status: 200,
      body: { items: request.path.endsWith('status=all') ? [open, ended] : [open] },
    }));
    renderUi(<IncidentsPage />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByRole('link', { name: 'Carrier outage' }).getAttribute('href')).toBe(
      '#/incidents/inc-1',
    );
    expect(within(rows[1]!).getByText('46001 · east')).toBeTruthy();
    expect(within(rows[1]!).getByText('312')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Incident timeline' })).getByText(/Carrier outage 46001/),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    // Once in the timeline and once in the table.
    expect(await screen.findAllByRole('link', { name: 'Payment host failure' })).toHaveLength(2);
  });

  it('says when nothing is open', async () => {
    server.answer('/api/v1/incidents', 200, { items: [] });
    renderUi(<IncidentsPage />);
    expect(await screen.findByText('No open incident: no carrier or host problem right now.')).toBeTruthy();
  });
});

describe('IncidentPage', () => {
  it('shows the incident, its action and its member terminals', async () => {
    server.answer('/api/v1/incidents/inc-1', 200, { ...open, memberIds: ['T-1', 'T-2'] });
    server.answer(
      '/api/v1/fleet/map',
      200,
      encodeFleetMap({
        ids: ['T-1', 'T-2'],
        lat: [31, 31.1],
        lon: [121, 121.1],
        online: [0, 0],
        riskScore: [80, 80],
        topCause: ['CARRIER_OUTAGE', 'CARRIER_OUTAGE'],
        region: ['east', 'east'],
        mccMnc: ['46001', '46001'],
        merchantId: ['M1', 'M2'],
      }),
    );
    renderUi(<IncidentPage incidentId="inc-1" />);
    expect(await screen.findByRole('heading', { name: 'Carrier outage 46001' })).toBeTruthy();
    expect(screen.getByText('No per-device dispatch; track the incident')).toBeTruthy();
    const members = screen.getByRole('region', { name: 'Affected terminals' });
    expect(
      within(members)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['T-1', 'T-2']);
  });
});
