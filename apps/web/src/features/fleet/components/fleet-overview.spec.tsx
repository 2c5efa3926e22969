// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { fleetSummary } from '../../../testing/fixtures';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let FleetOverview: typeof import('./fleet-overview').FleetOverview;

const health = {
  status: 'ok',
  database: { reachable: true, mode: 'postgres', driver: 'pg' },
  broker: { reachable: true, embedded: false, url: 'mqtt://mosquitto:1883' },
  ingest: { received: 1, stored: 1, rejected: 0, bufferDepth: 0, behindSeconds: 0, catchingUp: false },
};
const lastSeenAt = new Date(Date.now() - 120_000).toISOString();
const row = (terminalId: string, extra: Record<string, unknown> = {}) => ({
  terminalId,
  merchantName: 'Corner Café',
  region: 'north',
  comm: '4g',
  online: true,
  lastSeenAt,
  registered: true,
  riskScore: 82,
  ...extra,
});
const terminals = {
  total: 2,
  items: [
    row('T-0001'),
    row('X-ROGUE', {
      merchantName: null,
      region: null,
      comm: null,
      online: null,
      lastSeenAt: null,
      registered: false,
      riskScore: 0,
    }),
  ],
};

serveCannedApi(server, async () => {
  ({ FleetOverview } = await import('./fleet-overview'));
});

describe('FleetOverview', () => {
  it('shows fleet numbers, risk by cause, ingest counters and the terminal table', async () => {
    server.answer('/api/v1/fleet/summary', 200, fleetSummary());
    server.answer('/api/v1/health', 200, health);
    server.answer('/api/v1/terminals', 200, terminals);
    renderUi(<FleetOverview role="admin" />);

    const online = await screen.findByRole('region', { name: 'Online' });
    expect(within(online).getByText('90%')).toBeTruthy();
    expect(within(online).getByText('900 of 1,000 reporting terminals')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'At risk' })).getByText('42')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Open incidents' })).getByText('1')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Unregistered' })).getByText('3')).toBeTruthy();

    const causes = within(screen.getByRole('region', { name: 'At risk by cause' })).getAllByRole('listitem');
    expect(causes.map((li) => li.textContent)).toEqual(['SIM data running out20', 'Offline12', 'Paper10']);

    const ingest = screen.getByRole('region', { name: 'Ingest' });
    expect(within(ingest).getByText('12,345')).toBeTruthy();
    expect(await within(ingest).findByText('Database: pg (postgres)')).toBeTruthy();

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByRole('link', { name: 'T-0001' }).getAttribute('href')).toBe(
      '#/terminals/T-0001',
    );
    expect(within(rows[1]!).getByText('2 minutes ago')).toBeTruthy();
    expect(within(rows[2]!).getByText('unregistered')).toBeTruthy();
    expect(within(rows[2]!).getByText('never')).toBeTruthy();
  });

  it('hides platform internals from roles that may not see them', async () => {
    server.answer('/api/v1/fleet/summary', 200, fleetSummary());
    server.answer('/api/v1/terminals', 200, terminals);
    renderUi(<FleetOverview role="technician" />);
    await screen.findByRole('region', { name: 'Ingest' });
    expect(screen.queryByText(/Database:/)).toBeNull();
    expect(server.requests).not.toContain('/api/v1/health');
  });

  it('searches terminals on the server', async () => {
    server.answer('/api/v1/fleet/summary', 200, fleetSummary());
    server.answer('/api/v1/terminals', 200, terminals);
    renderUi(<FleetOverview role="support" />);
    fireEvent.change(await screen.findByLabelText('Search'), { target: { value: 'ROGUE' } });
    await vi.waitFor(() =>
      expect(server.requests).toContain('/api/v1/terminals?page=1&pageSize=50&search=ROGUE'),
    );
  });

  it('explains an empty fleet and a calm queue instead of blank space', async () => {
    server.answer('/api/v1/fleet/summary', 200, fleetSummary({ atRisk: 0, atRiskByCause: {} }));
    server.answer('/api/v1/terminals', 200, { items: [], total: 0 });
    renderUi(<FleetOverview role="technician" />);
    expect(await screen.findByText('No terminals found')).toBeTruthy();
    expect(await screen.findByText('No terminal is at risk right now')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows what the server said when a call fails', async () => {
    server.answer('/api/v1/fleet/summary', 503, {
      error: { code: 'UNAVAILABLE', message: 'database unreachable' },
    });
    server.answer('/api/v1/terminals', 500, { error: { code: 'INTERNAL', message: 'query timeout' } });
    renderUi(<FleetOverview role="support" />);
    const summaryAlert = (await screen.findByText('Fleet numbers could not be loaded')).closest(
      '[role="alert"]',
    );
    expect(summaryAlert?.textContent).toContain('database unreachable');
    const listAlert = (await screen.findByText('Terminals could not be loaded')).closest('[role="alert"]');
    expect(listAlert?.textContent).toContain('query timeout');
  });

  it('keeps the last rows on screen and flags them stale when a refresh fails', async () => {
    server.answer('/api/v1/fleet/summary', 200, fleetSummary());
    server.answer('/api/v1/terminals', 200, terminals);
    const client = renderUi(<FleetOverview role="technician" />);
    await screen.findByRole('table');
    server.answer('/api/v1/terminals', 500, { error: { code: 'INTERNAL', message: 'database timeout' } });
    await client.refetchQueries({ queryKey: ['fleet', 'terminals'] });
    const alert = (await screen.findByText(/^Refresh failed; showing data from/)).closest('[role="alert"]');
    expect(alert?.textContent).toContain('database timeout');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
  });

  it('shows a loading state before the first answer', () => {
    server.answer('/api/v1/fleet/summary', 200, fleetSummary());
    server.answer('/api/v1/terminals', 200, terminals);
    renderUi(<FleetOverview role="support" />);
    expect(screen.getByText('Loading fleet numbers…')).toBeTruthy();
    expect(screen.getByText('Loading terminals…')).toBeTruthy();
  });
});
