// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';

// The API base is read when the env module loads, so the app is imported after pointing it here.
const server = new CannedApiServer();
let App: typeof import('../../../app/app').App;
let FleetOverview: typeof import('./fleet-overview').FleetOverview;

const health = {
  status: 'ok',
  database: { mode: 'external', driver: 'pg' },
  broker: { mode: 'external', url: 'mqtt://mosquitto:1883' },
  ingest: { received: 12345, stored: 12000, rejected: 45, bufferDepth: 300 },
};
const lastSeenAt = new Date(Date.now() - 120_000).toISOString();
const terminals = {
  total: 3,
  items: [
    {
      terminalId: 'T-0001',
      merchantName: 'Corner Café',
      region: 'north',
      comm: '4g',
      online: true,
      lastSeenAt,
      registered: true,
      riskScore: 82,
    },
    {
      terminalId: 'T-0002',
      merchantName: 'Book Nook',
      region: 'south',
      comm: 'wifi',
      online: true,
      lastSeenAt,
      registered: true,
      riskScore: 10,
    },
    {
      terminalId: 'X-ROGUE',
      merchantName: null,
      region: null,
      comm: null,
      online: null,
      lastSeenAt: null,
      registered: false,
      riskScore: 0,
    },
  ],
};

beforeAll(async () => {
  vi.stubEnv('VITE_API_BASE', `${await server.start()}/api/v1`);
  ({ App } = await import('../../../app/app'));
  ({ FleetOverview } = await import('./fleet-overview'));
});
afterEach(() => {
  cleanup();
  server.reset();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
});

/** Errors are shown at once in these specs; the app's own client retries 5xx a couple of times. */
function withoutRetries(ui: ReactNode): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
  return client;
}

describe('FleetOverview', () => {
  it('shows the fleet numbers, ingest counters and the terminal table', async () => {
    server.answer('/api/v1/health', 200, health);
    server.answer('/api/v1/terminals', 200, terminals);
    render(<App />);

    expect(screen.getByRole('heading', { name: 'Fleet Monitor' })).toBeTruthy();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getByText('Corner Café')).toBeTruthy();
    expect(within(rows[1]!).getByText('2 minutes ago')).toBeTruthy();
    expect(within(rows[3]!).getByText('unregistered')).toBeTruthy();
    expect(within(rows[3]!).getByText('no status yet')).toBeTruthy();
    expect(within(rows[3]!).getByText('never')).toBeTruthy();

    expect(
      within(screen.getByRole('region', { name: 'Terminals' })).getByText(/Showing 3 of 3/),
    ).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Online' })).getByText('66.7%')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Unregistered' })).getByText('1')).toBeTruthy();

    const ingest = await screen.findByRole('region', { name: 'Ingest' });
    expect(within(ingest).getByText('12,345')).toBeTruthy();
    expect(within(ingest).getByText('45')).toBeTruthy();
    expect(within(ingest).getByText(/pg \(external\)/)).toBeTruthy();
    expect(server.requests).toContain('/api/v1/terminals?page=1&pageSize=50');
  });

  it('says when a page covers only part of the fleet', async () => {
    server.answer('/api/v1/health', 200, health);
    server.answer('/api/v1/terminals', 200, { ...terminals, total: 1200 });
    render(<App />);
    const online = await screen.findByRole('region', { name: 'Online' });
    expect(within(online).getByText('2 of 3 online (first 3 listed)')).toBeTruthy();
    expect(screen.getByText(/Showing 3 of 1,200/)).toBeTruthy();
  });

  it('explains an empty fleet instead of showing an empty table', async () => {
    server.answer('/api/v1/health', 200, health);
    server.answer('/api/v1/terminals', 200, { items: [], total: 0 });
    render(<App />);
    expect(await screen.findByText('No terminals yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows what the server said when a call fails', async () => {
    server.answer('/api/v1/health', 503, { error: { code: 'UNAVAILABLE', message: 'database unreachable' } });
    server.answer('/api/v1/terminals', 401, {
      error: { code: 'UNAUTHENTICATED', message: 'missing access token' },
    });
    withoutRetries(<FleetOverview />);
    const terminalsAlert = (await screen.findByText('Terminals could not be loaded')).closest(
      '[role="alert"]',
    );
    const healthAlert = (await screen.findByText('Platform health is unavailable')).closest('[role="alert"]');
    expect(terminalsAlert?.textContent).toContain('missing access token');
    expect(healthAlert?.textContent).toContain('database unreachable');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('reports a response of the wrong shape as an error, not a crash', async () => {
    server.answer('/api/v1/health', 200, health);
    server.answer('/api/v1/terminals', 200, { items: [{ terminalId: 'T-1' }], total: 1 });
    withoutRetries(<FleetOverview />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /unexpected response from \/terminals\?page=1&pageSize=50 \(items\.0\.merchantName: /,
    );
  });

  it('keeps the last rows on screen and flags them stale when a refresh fails', async () => {
    server.answer('/api/v1/health', 200, health);
    server.answer('/api/v1/terminals', 200, terminals);
    const client = withoutRetries(<FleetOverview />);
    await screen.findByRole('table');

    server.answer('/api/v1/terminals', 500, { error: { code: 'INTERNAL', message: 'database timeout' } });
    await client.refetchQueries({ queryKey: ['fleet', 'terminals'] });
    const alert = (await screen.findByText(/^Refresh failed; showing data from/)).closest('[role="alert"]');
    expect(alert?.textContent).toContain('database timeout');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4);
  });

  it('shows a loading state before the first answer', () => {
    server.answer('/api/v1/health', 200, health);
    server.answer('/api/v1/terminals', 200, terminals);
    render(<App />);
    expect(screen.getByText('Loading terminals…')).toBeTruthy();
    expect(screen.getByText('Checking platform health…')).toBeTruthy();
  });
});
