// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { alertView } from '../../../testing/fixtures';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let AlertsBell: typeof import('./alerts-bell').AlertsBell;
let storeAlertChange: typeof import('../api/alert-cache').storeAlertChange;

serveCannedApi(server, async () => {
  ({ AlertsBell } = await import('./alerts-bell'));
  ({ storeAlertChange } = await import('../api/alert-cache'));
});

const first = alertView({ id: 'a-1' });
const second = alertView({ id: 'a-2', terminalId: 'T-0002' });

describe('AlertsBell', () => {
  it('shows the open alerts in scope, links to the page, and follows alert changes without a refetch', async () => {
    server.answer('/api/v1/alerts', 200, { items: [second, first] });
    const client = renderUi(<AlertsBell />);
    const bell = await screen.findByRole('link', { name: 'Open alerts: 2' });
    expect(bell.getAttribute('href')).toBe('#/alerts');
    expect(bell.textContent).toContain('2');
    expect(server.requests).toEqual(['/api/v1/alerts?state=open']);

    // What LiveSync does with an `alerts.changed` push.
    act(() => storeAlertChange(client, { ...first, state: 'acknowledged', acknowledgedBy: 'mei' }));
    expect(await screen.findByRole('link', { name: 'Open alerts: 1' })).toBeTruthy();
    act(() => storeAlertChange(client, alertView({ id: 'a-3', lastRaisedAt: '2026-03-02T00:00:00.000Z' })));
    expect(await screen.findByRole('link', { name: 'Open alerts: 2' })).toBeTruthy();
    expect(server.requests).toEqual(['/api/v1/alerts?state=open']);
  });

  it('shows no number when nothing is open', async () => {
    server.answer('/api/v1/alerts', 200, { items: [] });
    renderUi(<AlertsBell />);
    const bell = await screen.findByRole('link', { name: 'Open alerts: 0' });
    expect(bell.querySelector('.bell__count')).toBeNull();
  });
});
