// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CannedApiServer } from '../testing/canned-api-server';
import { renderUi } from '../testing/render-ui';
import { serveCannedApi } from '../testing/serve-canned-api';

const server = new CannedApiServer();
let CatchingUpBanner: typeof import('./catching-up-banner').CatchingUpBanner;
let healthQueryKey: typeof import('../features/fleet/api/get-health').healthQueryKey;
serveCannedApi(server, async () => {
  ({ CatchingUpBanner } = await import('./catching-up-banner'));
  ({ healthQueryKey } = await import('../features/fleet/api/get-health'));
});

const ingest = { received: 10, stored: 10, rejected: 0, bufferDepth: 0 };
const health = (extra: object) => ({
  status: 'ok',
  database: { reachable: true, mode: 'postgres', driver: 'pg' },
  ...extra,
});

describe('CatchingUpBanner', () => {
  it('says the history is loading while the demo back-fills it', async () => {
    server.answer(
      '/api/v1/health',
      200,
      health({
        ingest: { ...ingest, behindSeconds: 50_000, catchingUp: true },
        demo: { phase: 'backfill', terminals: 1000, backfillPublished: 123_456 },
      }),
    );
    renderUi(<CatchingUpBanner />);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Loading history: 123,456 messages of the fleet’s last day so far. Silence and outages are judged once it has arrived.',
    );
  });

  it('says how late data is arriving while the ingest catches up', async () => {
    server.answer(
      '/api/v1/health',
      200,
      health({ ingest: { ...ingest, behindSeconds: 25 * 60, catchingUp: true } }),
    );
    renderUi(<CatchingUpBanner />);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Catching up: data is arriving 25 min late. Silence and outages are judged only up to what has arrived.',
    );
  });

  it('shows nothing while the ingest is current', async () => {
    server.answer(
      '/api/v1/health',
      200,
      health({
        ingest: { ...ingest, behindSeconds: 0, catchingUp: false },
        demo: { phase: 'live', terminals: 1000, backfillPublished: 9 },
      }),
    );
    const client = renderUi(<CatchingUpBanner />);
    await vi.waitFor(() => expect(client.getQueryState(healthQueryKey)?.status).toBe('success'));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
