// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InboxItem } from '@fleet/telemetry/api/notifications';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let InboxButton: typeof import('./inbox-button').InboxButton;
let storeUnreadCount: typeof import('../api/mark-inbox-read').storeUnreadCount;

serveCannedApi(server, async () => {
  ({ InboxButton } = await import('./inbox-button'));
  ({ storeUnreadCount } = await import('../api/mark-inbox-read'));
});

const item = (id: string, overrides: Partial<InboxItem> = {}): InboxItem => ({
  id,
  alertId: `alert-${id}`,
  title: `[Minor] New: SIM data running out on T-${id}`,
  body: `T-${id}: top up the SIM`,
  createdAt: '2026-03-04T05:00:00.000Z',
  readAt: null,
  ...overrides,
});

describe('InboxButton', () => {
  it('shows the unread count, opens the list and marks one item read', async () => {
    server.answer('/api/v1/notifications/inbox/unread-count', 200, { unreadCount: 2 });
    server.answer('/api/v1/notifications/inbox', 200, { items: [item('1'), item('2')] });
    server.answer('POST /api/v1/notifications/inbox/read', 200, { unreadCount: 1 });
    renderUi(<InboxButton />);
    const button = await screen.findByRole('button', { name: 'Inbox: 2 unread' });
    expect(screen.queryByRole('region', { name: 'Inbox' })).toBeNull();

    fireEvent.click(button);
    const panel = await screen.findByRole('region', { name: 'Inbox' });
    const link = await within(panel).findByRole('link', { name: /T-1$/ });
    expect(link.getAttribute('href')).toBe('#/alerts/alert-1');

    server.answer('/api/v1/notifications/inbox', 200, {
      items: [item('1', { readAt: '2026-03-04T06:00:00.000Z' }), item('2')],
    });
    fireEvent.click(within(panel).getAllByRole('button', { name: 'Mark read' })[0]!);
    expect(await screen.findByRole('button', { name: 'Inbox: 1 unread' })).toBeTruthy();
    const post = server.received.find((r) => r.method === 'POST');
    expect(post).toMatchObject({ path: '/api/v1/notifications/inbox/read', body: { ids: ['1'] } });
    // The list is fetched again: the item read has no button left.
    await waitFor(() => expect(within(panel).getAllByRole('button', { name: 'Mark read' })).toHaveLength(1));
  });

  it('follows inbox.changed pushes: the new count at once and the list fetched again', async () => {
    server.answer('/api/v1/notifications/inbox/unread-count', 200, { unreadCount: 0 });
    server.answer('/api/v1/notifications/inbox', 200, { items: [] });
    const client = renderUi(<InboxButton />);
    const button = await screen.findByRole('button', { name: 'Inbox: 0 unread' });
    expect(button.querySelector('.bell__count')).toBeNull();
    fireEvent.click(button);
    expect(await screen.findByText('No notifications yet')).toBeTruthy();

    server.answer('/api/v1/notifications/inbox', 200, { items: [item('9')] });
    // What LiveSync does with an `inbox.changed` push.
    act(() => storeUnreadCount(client, { unreadCount: 1 }));
    expect(await screen.findByRole('button', { name: 'Inbox: 1 unread' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: /T-9$/ })).toBeTruthy();
    expect(server.requests.filter((path) => path.endsWith('/unread-count'))).toHaveLength(1);
  });
});
