// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { AlertDetail, AlertView } from '@fleet/telemetry/api/alerts';
import { describe, expect, it } from 'vitest';
import { CannedApiServer, type RecordedRequest } from '../../../testing/canned-api-server';
import { alertView } from '../../../testing/fixtures';
import { renderUi, sessionAnswer } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let AlertsPage: typeof import('./alerts-page').AlertsPage;
let signIn: typeof import('../../../lib/auth/session').signIn;
let endSession: typeof import('../../../lib/auth/session').endSession;

const ID = {
  sim: '11111111-1111-4111-8111-000000000001',
  offline: '11111111-1111-4111-8111-000000000002',
  outage: '11111111-1111-4111-8111-000000000003',
};
const ME = '22222222-2222-4222-8222-000000000001';
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const sim = alertView({ id: ID.sim, terminalId: 'T-0001', lastRaisedAt: minutesAgo(30) });
const offline = alertView({
  id: ID.offline,
  terminalId: 'T-0102',
  code: 'OFFLINE',
  severity: 'major',
  lastRaisedAt: minutesAgo(5),
});
const outage = alertView({
  id: ID.outage,
  terminalId: undefined,
  incidentId: 'inc-1',
  mccMnc: '46000',
  code: 'CARRIER_OUTAGE',
  severity: 'critical',
  lastRaisedAt: minutesAgo(1),
});

/** A token shaped like the API's: its subject is the user id (what "assign to me" sends). */
const tokenFor = (sub: string) => `e30.${btoa(JSON.stringify({ sub })).replace(/=+$/, '')}.signature`;

/** Answers the POSTs of the lifecycle as the API would: the alert after the change. */
function serveLifecycle(
  alerts: AlertView[],
  timelines = new Map<string, AlertDetail['timeline']>(),
): Map<string, AlertView> {
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const change = (id: string, patch: Partial<AlertView>) => {
    const next = { ...byId.get(id)!, ...patch };
    byId.set(id, next);
    return next;
  };
  server.respond('GET /api/v1/alerts', (request) => {
    const state = new URL(request.path, 'http://x').searchParams.get('state');
    const items = [...byId.values()]
      .filter((a) => !state || a.state === state)
      .sort((a, b) => b.lastRaisedAt.localeCompare(a.lastRaisedAt));
    return { status: 200, body: { items } };
  });
  server.respond('POST /api/v1/alerts/acknowledge', ({ body }) => {
    const { ids, note } = body as { ids: string[]; note?: string };
    return {
      status: 200,
      body: {
        acknowledged: ids.map((id) =>
          change(id, { state: 'acknowledged', acknowledgedBy: 'agent-support', acknowledgeNote: note }),
        ),
        skipped: [],
      },
    };
  });
  for (const alert of alerts) {
    server.respond(`GET /api/v1/alerts/${alert.id}`, () => ({
      status: 200,
      body: detailOf(byId.get(alert.id)!, timelines.get(alert.id) ?? []),
    }));
    server.respond(`POST /api/v1/alerts/${alert.id}/resolve`, ({ body }) => {
      const { reason } = body as { reason: string };
      return reason === ''
        ? {
            status: 400,
            body: {
              error: {
                code: 'VALIDATION',
                message: 'invalid reason',
                fields: [{ field: 'reason', message: 'a reason is required' }],
              },
            },
          }
        : { status: 200, body: change(alert.id, { state: 'resolved', resolveReason: reason }) };
    });
    server.respond(`POST /api/v1/alerts/${alert.id}/acknowledge`, ({ body }) => ({
      status: 200,
      body: change(alert.id, {
        state: 'acknowledged',
        acknowledgedBy: 'agent-support',
        acknowledgeNote: (body as { note?: string }).note,
      }),
    }));
    server.respond(`POST /api/v1/alerts/${alert.id}/assign`, ({ body }) => ({
      status: 200,
      body: change(alert.id, { assignee: (body as { assignee: string }).assignee }),
    }));
  }
  return byId;
}

function detailOf(alert: AlertView, timeline: AlertDetail['timeline']): AlertDetail {
  return { ...alert, timeline };
}

const posts = (path: string): RecordedRequest[] =>
  server.received.filter((r) => r.method === 'POST' && r.path === path);

const rowOf = (id: string) => document.querySelector<HTMLElement>(`tr[data-alert-id="${id}"]`)!;

serveCannedApi(server, async () => {
  ({ AlertsPage } = await import('./alerts-page'));
  ({ signIn, endSession } = await import('../../../lib/auth/session'));
});

describe('AlertsPage', () => {
  it('lists open alerts newest first with severity in words, place links and state', async () => {
    serveLifecycle([sim, offline, outage, alertView({ id: 'x', state: 'resolved' })]);
    renderUi(<AlertsPage role="support" />);
    const table = await screen.findByRole('table', { name: 'Alerts' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(1, 4)
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['critical', 'Carrier outage', 'Incident · 46000 · north'],
      ['major', 'Offline', 'T-0102'],
      ['minor', 'SIM data running out', 'T-0001'],
    ]);
    expect(server.requests).toContain('/api/v1/alerts?state=open');
    expect(within(rowOf(ID.sim)).getByRole('link', { name: 'T-0001' }).getAttribute('href')).toBe(
      '#/terminals/T-0001',
    );
    expect(within(rowOf(ID.outage)).getByText('critical').className).toBe('severity severity--critical');
  });

  it('filters by severity, cause and terminal, and asks the API for another state', async () => {
    serveLifecycle([
      sim,
      offline,
      outage,
      alertView({ id: ID.sim.replace(/1$/, '9'), state: 'resolved', terminalId: 'T-0009' }),
    ]);
    renderUi(<AlertsPage role="support" />);
    await screen.findByRole('table', { name: 'Alerts' });
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'major' } });
    expect(screen.getByText('1 of 3 shown')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Cause'), { target: { value: 'SIM_DATA_EXHAUSTION' } });
    expect(rowOf(ID.sim)).toBeTruthy();
    expect(rowOf(ID.offline)).toBeNull();
    fireEvent.change(screen.getByLabelText('Cause'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Terminal'), { target: { value: 't-01' } });
    expect(screen.getByText('1 of 3 shown')).toBeTruthy();
    expect(rowOf(ID.offline)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Terminal'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resolved' }));
    expect(await screen.findByText('1 of 1 shown')).toBeTruthy();
    expect(server.requests).toContain('/api/v1/alerts?state=resolved');
  });

  it('acknowledges every shown open alert in one call with the note, and they leave the open list', async () => {
    serveLifecycle([sim, offline, outage]);
    renderUi(<AlertsPage role="support" />);
    await screen.findByRole('table', { name: 'Alerts' });
    fireEvent.change(screen.getByLabelText('Terminal'), { target: { value: 'T-0' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown open alerts' }));
    const bulk = screen.getByRole('form', { name: 'Acknowledge selected alerts' });
    expect(within(bulk).getByText('2 selected')).toBeTruthy();
    fireEvent.change(within(bulk).getByLabelText('Note'), { target: { value: 'storm in north, on it' } });
    fireEvent.click(within(bulk).getByRole('button', { name: 'Acknowledge 2' }));

    expect(await screen.findByText('No alerts match')).toBeTruthy();
    expect(screen.getByText('Acknowledged 2; 0 skipped (no longer open or out of reach).')).toBeTruthy();
    expect(posts('/api/v1/alerts/acknowledge').map((r) => r.body)).toEqual([
      { ids: [ID.offline, ID.sim], note: 'storm in north, on it' },
    ]);
    fireEvent.change(screen.getByLabelText('Terminal'), { target: { value: '' } });
    expect(rowOf(ID.outage)).toBeTruthy();
    expect(screen.getByText('1 of 1 shown')).toBeTruthy();
  });

  it('shows the timeline with who acted and their note, and resolves only with a reason', async () => {
    serveLifecycle(
      [offline],
      new Map([
        [
          ID.offline,
          [
            { at: offline.openedAt, kind: 'opened', actor: 'system', detail: {} },
            { at: minutesAgo(2), kind: 'acknowledged', actor: 'mei', detail: { note: 'calling the shop' } },
          ],
        ],
      ]),
    );
    renderUi(<AlertsPage role="support" openAlertId={ID.offline} />);
    const drawer = await screen.findByRole('dialog', { name: 'Alert' });
    const timeline = await within(drawer).findByRole('list', { name: 'Timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringContaining('Opened by the system'),
      expect.stringMatching(/Acknowledged by mei.*calling the shop/),
    ]);

    const resolve = within(drawer).getByRole('form', { name: 'Resolve' });
    fireEvent.click(within(resolve).getByRole('button', { name: 'Resolve' }));
    const reason = within(resolve).getByLabelText(/Reason/);
    expect(await within(resolve).findByText('a reason is required')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(reason.getAttribute('aria-describedby')!)?.textContent).toBe(
      'a reason is required',
    );

    fireEvent.change(reason, { target: { value: 'SIM replaced on site' } });
    fireEvent.click(within(resolve).getByRole('button', { name: 'Resolve' }));
    expect(await screen.findByText('No alerts match')).toBeTruthy();
    expect(posts(`/api/v1/alerts/${ID.offline}/resolve`).map((r) => r.body)).toEqual([
      { reason: '' },
      { reason: 'SIM replaced on site' },
    ]);
  });

  it('acknowledges one alert from its drawer with a note, which then offers only resolve and assign', async () => {
    serveLifecycle([offline]);
    renderUi(<AlertsPage role="support" openAlertId={ID.offline} />);
    const drawer = await screen.findByRole('dialog', { name: 'Alert' });
    const form = await within(drawer).findByRole('form', { name: 'Acknowledge' });
    fireEvent.change(within(form).getByLabelText('Note'), { target: { value: 'calling the shop' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Acknowledge' }));
    expect(await within(drawer).findByText('Acknowledged')).toBeTruthy();
    expect(within(drawer).queryByRole('form', { name: 'Acknowledge' })).toBeNull();
    expect(within(drawer).getByRole('form', { name: 'Resolve' })).toBeTruthy();
    expect(posts(`/api/v1/alerts/${ID.offline}/acknowledge`).map((r) => r.body)).toEqual([
      { note: 'calling the shop' },
    ]);
    // Gone from the open list beside it, without a refetch of the list.
    expect(screen.getByText('No alerts match')).toBeTruthy();
    expect(server.requests.filter((path) => path === '/api/v1/alerts?state=open')).toHaveLength(1);
  });

  it('lets an admin pick the assignee among the users', async () => {
    serveLifecycle([sim]);
    server.answer('/api/v1/users', 200, {
      items: [
        {
          id: ME,
          username: 'tech.li',
          role: 'technician',
          regions: ['north'],
          merchantIds: [],
          email: null,
          phone: null,
          locale: 'en',
          disabled: false,
          createdAt: sim.openedAt,
        },
      ],
    });
    renderUi(<AlertsPage role="admin" openAlertId={ID.sim} />);
    const assign = await screen.findByRole('form', { name: 'Assign' });
    await within(assign).findByRole('option', { name: 'tech.li · technician' });
    fireEvent.change(within(assign).getByRole('combobox', { name: 'Assignee' }), { target: { value: ME } });
    fireEvent.click(within(assign).getByRole('button', { name: 'Assign' }));
    expect(await within(rowOf(ID.sim)).findByText('tech.li')).toBeTruthy();
    expect(posts(`/api/v1/alerts/${ID.sim}/assign`).map((r) => r.body)).toEqual([{ assignee: ME }]);
  });

  it('lets a technician, who cannot list users, assign an alert to themselves', async () => {
    server.answer('POST /api/v1/auth/login', 200, {
      ...sessionAnswer('technician'),
      accessToken: tokenFor(ME),
    });
    await act(async () => {
      expect(await signIn('agent-technician', 'pw')).toBeUndefined();
    });
    try {
      serveLifecycle([sim]);
      renderUi(<AlertsPage role="technician" openAlertId={ID.sim} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Assign to me' }));
      expect(await screen.findByRole('button', { name: 'Assigned to me' })).toBeTruthy();
      expect(within(rowOf(ID.sim)).getByText('me')).toBeTruthy();
      expect(posts(`/api/v1/alerts/${ID.sim}/assign`).map((r) => r.body)).toEqual([{ assignee: ME }]);
      expect(server.requests).not.toContain('/api/v1/users');
    } finally {
      endSession();
    }
  });
});
