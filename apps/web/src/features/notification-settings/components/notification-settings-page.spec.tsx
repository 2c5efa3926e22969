// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '@fleet/telemetry/api/notifications';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let NotificationSettingsPage: typeof import('./notification-settings-page').NotificationSettingsPage;

serveCannedApi(server, async () => {
  ({ NotificationSettingsPage } = await import('./notification-settings-page'));
});

const PATH = '/api/v1/users/me/notification-preferences';
const QUIET = '/api/v1/users/me/quiet-hours';

describe('NotificationSettingsPage', () => {
  it('shows the saved channels and saves the edited ones with PUT', async () => {
    server.answer(PATH, 200, DEFAULT_NOTIFICATION_PREFERENCES);
    server.answer(QUIET, 200, { quietHours: null });
    const chosen = {
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      email: { enabled: false, minSeverity: 'warning' },
      sms: { enabled: true, minSeverity: 'critical' },
    };
    server.answer(`PUT ${PATH}`, 200, chosen);
    renderUi(<NotificationSettingsPage />);
    const email = await screen.findByRole('checkbox', { name: 'Email on' });
    expect((email as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'SMS on' }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(email);
    fireEvent.click(screen.getByRole('checkbox', { name: 'SMS on' }));
    fireEvent.change(screen.getByLabelText('Minimum severity for SMS'), { target: { value: 'critical' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toHaveProperty('tagName', 'P');
    expect(server.received.find((r) => r.method === 'PUT')?.body).toEqual(chosen);
  });

  it('saves quiet hours with the critical override off, beside the channels', async () => {
    server.answer(PATH, 200, DEFAULT_NOTIFICATION_PREFERENCES);
    server.answer(QUIET, 200, { quietHours: null });
    const chosen = { quietHours: { start: '23:00', end: '06:30', criticalOverride: false } };
    server.answer(`PUT ${QUIET}`, 200, chosen);
    renderUi(<NotificationSettingsPage />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Quiet hours on' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '23:00' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '06:30' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Critical alerts still come through' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save quiet hours' }));
    await screen.findByText('Quiet hours saved');
    expect(server.received.find((r) => r.method === 'PUT')?.body).toEqual(chosen);
  });

  it('shows the API’s error when saving is refused', async () => {
    server.answer(PATH, 200, DEFAULT_NOTIFICATION_PREFERENCES);
    server.answer(QUIET, 200, { quietHours: null });
    server.answer(`PUT ${PATH}`, 400, {
      error: {
        code: 'VALIDATION',
        message: 'invalid sms.minSeverity',
        fields: [{ field: 'sms.minSeverity', message: 'bad' }],
      },
    });
    renderUi(<NotificationSettingsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/sms\.minSeverity/);
  });
});
