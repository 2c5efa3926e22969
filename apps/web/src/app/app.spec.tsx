// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CannedApiServer } from '../testing/canned-api-server';
import { fleetSummary } from '../testing/fixtures';
import { sessionAnswer } from '../testing/render-ui';

// The API base is read when the env module loads, so the app is imported after pointing it here.
const server = new CannedApiServer();
let App: typeof import('./app').App;
let session: typeof import('../lib/auth/session');

const terminals = { total: 0, page: 1, pageSize: 50, items: [] };

function answerOverview(): void {
  server.answer('/api/v1/fleet/summary', 200, fleetSummary());
  server.answer('/api/v1/terminals', 200, terminals);
  server.answer('/api/v1/health', 200, {
    status: 'ok',
    database: { reachable: true, mode: 'postgres', driver: 'pg' },
    ingest: { received: 1, stored: 1, rejected: 0, bufferDepth: 0, behindSeconds: 0, catchingUp: false },
  });
}

async function signInThroughForm(username = 'agent', password = 'secret'): Promise<void> {
  fireEvent.change(await screen.findByLabelText('Username'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

beforeAll(async () => {
  vi.stubEnv('VITE_API_BASE', `${await server.start()}/api/v1`);
  ({ App } = await import('./app'));
  session = await import('../lib/auth/session');
});
afterEach(() => {
  cleanup();
  session.endSession();
  localStorage.clear();
  window.location.hash = '';
  server.reset();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
});

describe('App', () => {
  it('signs in, shows the overview with a bearer token, and signs out', async () => {
    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('support'));
    server.answer('POST /api/v1/auth/logout', 204, '');
    answerOverview();
    render(<App />);
    await signInThroughForm();

    const online = await screen.findByRole('region', { name: 'Online' });
    expect(within(online).getByText('90%')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'At risk by cause' })).getByText('SIM data running out'),
    ).toBeTruthy();
    expect(server.received.find((r) => r.path === '/api/v1/fleet/summary')?.authorization).toBe(
      'Bearer access-1',
    );
    expect(server.received[0]).toMatchObject({
      method: 'POST',
      body: { username: 'agent', password: 'secret' },
    });
    expect(localStorage.getItem('fleet.refreshToken')).toBe('refresh-1');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(localStorage.getItem('fleet.refreshToken')).toBeNull();
    await vi.waitFor(() =>
      expect(server.received.find((r) => r.path === '/api/v1/auth/logout')).toMatchObject({
        authorization: 'Bearer access-1',
        body: { refreshToken: 'refresh-1' },
      }),
    );
  });

  it('says so when the password is wrong', async () => {
    server.answer('POST /api/v1/auth/login', 401, {
      error: { code: 'UNAUTHENTICATED', message: 'bad credentials' },
    });
    render(<App />);
    await signInThroughForm('agent', 'nope');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password.');
  });

  it('signs back in from the remembered refresh token after a reload', async () => {
    localStorage.setItem('fleet.refreshToken', 'remembered');
    vi.resetModules();
    const fresh = await import('./app');
    server.answer('POST /api/v1/auth/refresh', 200, sessionAnswer('support', 2));
    answerOverview();
    render(<fresh.App />);
    expect(await screen.findByRole('region', { name: 'Online' })).toBeTruthy();
    expect(server.received[0]).toMatchObject({
      path: '/api/v1/auth/refresh',
      body: { refreshToken: 'remembered' },
    });
    expect(localStorage.getItem('fleet.refreshToken')).toBe('refresh-2');
    (await import('../lib/auth/session')).endSession();
  });

  it('rotates the token once on a 401 and retries the call', async () => {
    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('support', 1));
    server.answer('POST /api/v1/auth/refresh', 200, sessionAnswer('support', 2));
    answerOverview();
    server.respond('/api/v1/fleet/summary', (request) =>
      request.authorization === 'Bearer access-2'
        ? { status: 200, body: fleetSummary() }
        : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'token expired' } } },
    );
    render(<App />);
    await signInThroughForm();
    expect(await screen.findByRole('region', { name: 'Online' })).toBeTruthy();
    const refreshes = server.received.filter((r) => r.path === '/api/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.body).toEqual({ refreshToken: 'refresh-1' });
  });

  it('goes back to the login page when the refresh is refused too', async () => {
    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('support'));
    server.answer('POST /api/v1/auth/refresh', 401, {
      error: { code: 'UNAUTHENTICATED', message: 'revoked' },
    });
    answerOverview();
    server.answer('/api/v1/fleet/summary', 401, {
      error: { code: 'UNAUTHENTICATED', message: 'token expired' },
    });
    render(<App />);
    await signInThroughForm();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your session has ended. Please sign in again.',
    );
    expect(localStorage.getItem('fleet.refreshToken')).toBeNull();
  });

  it('shows each role only the pages it may use', async () => {
    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('account_manager'));
    answerOverview();
    render(<App />);
    await signInThroughForm();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Fleet overview', 'Live map', 'At-risk queue', 'Alerts', 'Reports', 'Notification settings']);
    expect(screen.queryByText('Database: pg (postgres)')).toBeNull();
  });

  it('offers the users page to administrators only', async () => {
    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('admin'));
    answerOverview();
    render(<App />);
    await signInThroughForm();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Users' }).getAttribute('href')).toBe('#/users');
    cleanup();
    session.endSession();

    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('support'));
    window.location.hash = '#/users';
    render(<App />);
    await signInThroughForm();
    expect(await screen.findByText('Your role cannot open this page')).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Users' }),
    ).toBeNull();
    expect(server.requests).not.toContain('/api/v1/users');
  });

  it('offers the alert rules page to administrators and support only', async () => {
    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('support'));
    answerOverview();
    render(<App />);
    await signInThroughForm();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Alert rules' }).getAttribute('href')).toBe('#/alert-rules');
    cleanup();
    session.endSession();

    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('technician'));
    window.location.hash = '#/alert-rules';
    render(<App />);
    await signInThroughForm();
    expect(await screen.findByText('Your role cannot open this page')).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Alert rules' }),
    ).toBeNull();
    expect(server.requests).not.toContain('/api/v1/alert-rules');
  });

  it('offers the reports page to account managers, support and admins, not technicians', async () => {
    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('technician'));
    window.location.hash = '#/reports';
    render(<App />);
    await signInThroughForm();
    expect(await screen.findByText('Your role cannot open this page')).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Reports' }),
    ).toBeNull();
    expect(server.requests.some((p) => p.startsWith('/api/v1/reports'))).toBe(false);
  });

  it('switches to Simplified Chinese and remembers it', async () => {
    server.answer('POST /api/v1/auth/login', 200, sessionAnswer('admin'));
    answerOverview();
    render(<App />);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
    expect(localStorage.getItem('fleet.language')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    cleanup();

    render(<App />);
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'agent' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('region', { name: '在线率' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '风险队列' })).toBeTruthy();
  });
});
