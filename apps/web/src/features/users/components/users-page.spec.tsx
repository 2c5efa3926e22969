// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import type { UserView } from '@fleet/telemetry/api/users';
import { describe, expect, it } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let UsersPage: typeof import('./users-page').UsersPage;

function user(overrides: Partial<UserView>): UserView {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    username: 'root',
    role: 'admin',
    regions: [],
    merchantIds: [],
    email: null,
    phone: null,
    locale: 'zh-CN',
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
const root = user({});
const tech = user({
  id: '22222222-2222-4222-8222-222222222222',
  username: 'tech.li',
  role: 'technician',
  regions: ['north', 'east'],
  email: 'li@example.com',
  locale: 'en',
});

serveCannedApi(server, async () => {
  ({ UsersPage } = await import('./users-page'));
});

const rowOf = (username: string) =>
  screen.getByRole('cell', { name: new RegExp(`^${username}`) }).closest('tr')!;

describe('UsersPage', () => {
  it('lists each user with role, scope, e-mail, language and whether enabled', async () => {
    server.answer('/api/v1/users', 200, { items: [root, { ...tech, disabled: true }] });
    renderUi(<UsersPage currentUsername="root" />);
    const table = await screen.findByRole('table', { name: 'Users' });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 6)
          .map((c) => c.textContent),
      );
    expect(cells).toEqual([
      ['rootyou', 'administrator', '—', '—', 'Simplified Chinese', 'enabled'],
      ['tech.li', 'technician', 'north, east', 'li@example.com', 'English', 'disabled'],
    ]);
    // An admin is not offered to disable themselves.
    expect(within(rowOf('root')).getByRole('button', { name: 'Disable' }).hasAttribute('disabled')).toBe(
      true,
    );
    expect(within(rowOf('tech.li')).getByRole('button', { name: 'Enable' }).hasAttribute('disabled')).toBe(
      false,
    );
  });

  it("creates a user, showing the API's 400 at each field it names", async () => {
    server.answer('/api/v1/users', 200, { items: [root] });
    let attempts = 0;
    server.respond('POST /api/v1/users', () =>
      ++attempts === 1
        ? {
            status: 400,
            body: {
              error: {
                code: 'VALIDATION',
                message: 'invalid regions, email',
                fields: [
                  { field: 'regions', message: 'a technician needs at least one region' },
                  { field: 'email', message: 'must be an e-mail address' },
                ],
              },
            },
          }
        : { status: 201, body: tech },
    );
    renderUi(<UsersPage currentUsername="root" />);
    fireEvent.click(await screen.findByRole('button', { name: 'New user' }));
    const form = screen.getByRole('form', { name: 'New user' });
    fireEvent.change(within(form).getByLabelText('Username'), { target: { value: 'tech.li' } });
    fireEvent.change(within(form).getByLabelText('Password'), { target: { value: 'a-long-password' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'technician' } });
    fireEvent.change(within(form).getByLabelText('E-mail'), { target: { value: 'li@' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create user' }));

    const email = within(form).getByLabelText('E-mail');
    expect(await within(form).findByText('must be an e-mail address')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /e-mail address/,
    );
    const regions = within(form).getByLabelText('Regions');
    expect(document.getElementById(regions.getAttribute('aria-describedby')!)?.textContent).toBe(
      'a technician needs at least one region',
    );

    fireEvent.change(regions, { target: { value: 'north, east' } });
    fireEvent.change(email, { target: { value: 'li@example.com' } });
    fireEvent.change(within(form).getByLabelText('Message language'), { target: { value: 'en' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('Created user tech.li.')).toBeTruthy();
    expect(server.received.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      expect.objectContaining({ regions: [], email: 'li@', phone: null }),
      {
        username: 'tech.li',
        password: 'a-long-password',
        role: 'technician',
        regions: ['north', 'east'],
        merchantIds: [],
        email: 'li@example.com',
        phone: null,
        locale: 'en',
      },
    ]);
    expect(screen.queryByRole('form', { name: 'New user' })).toBeNull();
  });

  it("edits a user's regions and contact, sending only what the role carries", async () => {
    server.answer('/api/v1/users', 200, { items: [root, tech] });
    server.respond(`PATCH /api/v1/users/${tech.id}`, (request) => ({
      status: 200,
      body: { ...tech, ...(request.body as object) },
    }));
    renderUi(<UsersPage currentUsername="root" />);
    await screen.findByRole('table', { name: 'Users' });
    fireEvent.click(within(rowOf('tech.li')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit tech.li' });
    expect((within(form).getByLabelText('Regions') as HTMLInputElement).value).toBe('north, east');
    expect(within(form).queryByLabelText('Merchant ids')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Regions'), { target: { value: 'west，south' } });
    fireEvent.change(within(form).getByLabelText('E-mail'), { target: { value: '' } });
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '+86 138 0013 8000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved tech.li.')).toBeTruthy();
    expect(server.received.find((r) => r.method === 'PATCH')?.body).toEqual({
      role: 'technician',
      regions: ['west', 'south'],
      merchantIds: [],
      email: null,
      phone: '+86 138 0013 8000',
      locale: 'en',
    });
    expect(within(rowOf('tech.li')).getByText('west, south')).toBeTruthy();
  });

  it('disables and enables a user, and shows why the API refused', async () => {
    server.answer('/api/v1/users', 200, { items: [root, tech] });
    let disabled = false;
    server.respond(`PATCH /api/v1/users/${tech.id}`, (request) => {
      const wanted = (request.body as { disabled: boolean }).disabled;
      if (!wanted && disabled) {
        return {
          status: 409,
          body: { error: { code: 'CONFLICT', message: 'tech.li cannot be enabled now' } },
        };
      }
      disabled = wanted;
      return { status: 200, body: { ...tech, disabled } };
    });
    renderUi(<UsersPage currentUsername="root" />);
    await screen.findByRole('table', { name: 'Users' });
    fireEvent.click(within(rowOf('tech.li')).getByRole('button', { name: 'Disable' }));
    expect(await within(rowOf('tech.li')).findByText('disabled')).toBeTruthy();
    expect(server.received.find((r) => r.method === 'PATCH')?.body).toEqual({ disabled: true });

    fireEvent.click(within(rowOf('tech.li')).getByRole('button', { name: 'Enable' }));
    expect((await screen.findByRole('alert')).textContent).toBe('tech.li cannot be enabled now');
    expect(within(rowOf('tech.li')).getByText('disabled')).toBeTruthy();
  });

  it("resets a user's password, showing a too-short one at the field", async () => {
    server.answer('/api/v1/users', 200, { items: [root, tech] });
    server.respond(`PATCH /api/v1/users/${tech.id}`, (request) =>
      (request.body as { password: string }).password.length < 8
        ? {
            status: 400,
            body: {
              error: {
                code: 'VALIDATION',
                message: 'invalid password',
                fields: [{ field: 'password', message: 'at least 8 characters' }],
              },
            },
          }
        : { status: 200, body: tech },
    );
    renderUi(<UsersPage currentUsername="root" />);
    await screen.findByRole('table', { name: 'Users' });
    fireEvent.click(within(rowOf('tech.li')).getByRole('button', { name: 'Reset password' }));
    const form = screen.getByRole('form', { name: 'New password for tech.li' });
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reset password' }));
    expect(await within(form).findByText('at least 8 characters')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'long-enough-now' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reset password' }));
    expect(await screen.findByText('New password set for tech.li; their sessions have ended.')).toBeTruthy();
    expect(server.received.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
      { password: 'short' },
      { password: 'long-enough-now' },
    ]);
  });
});
