import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserList } from '@fleet/telemetry/api/users';
import { apiAsAdmin } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { startPlatform, type RunningPlatform } from './support/platform';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';

/**
 * User administration against the real built platform (a small simulated fleet: the page
 * under test is about people, not terminals) in headless Chromium at 1366×768.
 */
const blocked = e2eBlocker();
const WAIT = { timeout: 30_000 };
const TECH = { username: 'tech.e2e', password: 'tech-e2e-password' };

describe.skipIf(blocked)('user administration in the dashboard, end to end', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    platform = await startPlatform({ fleetSize: 3 });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 30_000);

  const techRow = () => page.locator(`tr[data-username="${TECH.username}"]`);
  const loginStatus = async (user: { username: string; password: string }) =>
    (
      await fetch(`${platform.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(user),
      })
    ).status;

  it('lets an admin create a technician, edit its regions and disable it; the technician then cannot sign in', async () => {
    await signIn(page, platform.baseUrl, platform.admin.username, platform.admin.password);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('table', { name: 'Users' }).waitFor(WAIT);

    await page.getByRole('button', { name: 'New user' }).click();
    const create = page.getByRole('form', { name: 'New user' });
    await create.getByLabel('Username').fill(TECH.username);
    await create.getByLabel('Password').fill(TECH.password);
    await create.getByLabel('Role').selectOption('technician');
    // A bad address first: the API's 400 is shown at the e-mail field.
    await create.getByLabel('E-mail').fill('tech@');
    await create.getByLabel('Regions').fill('Shanghai');
    await create.getByRole('button', { name: 'Create user' }).click();
    await create.getByText('must be an e-mail address').waitFor(WAIT);
    expect(await create.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '08-users-field-error');
    await create.getByLabel('E-mail').fill('tech@example.com');
    await create.getByRole('button', { name: 'Create user' }).click();
    await page.getByText(`Created user ${TECH.username}.`).waitFor(WAIT);
    await techRow().getByText('Shanghai').waitFor(WAIT);
    expect(await loginStatus(TECH)).toBe(200);

    await techRow().getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: `Edit ${TECH.username}` });
    await edit.getByLabel('Regions').fill('Shanghai, Beijing');
    await edit.getByRole('button', { name: 'Save' }).click();
    await techRow().getByText('Shanghai, Beijing').waitFor(WAIT);

    await techRow().getByRole('button', { name: 'Disable' }).click();
    await techRow().getByText('disabled', { exact: true }).waitFor(WAIT);
    const stored = (await apiAsAdmin<UserList>(platform, '/users')).items.find(
      (u) => u.username === TECH.username,
    );
    expect(stored).toMatchObject({
      role: 'technician',
      regions: ['Shanghai', 'Beijing'],
      email: 'tech@example.com',
      disabled: true,
    });
    await screenshot(page, '09-users');

    // Signed out, the technician's right password no longer opens the dashboard.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').fill(TECH.username);
    await page.getByLabel('Password').fill(TECH.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong username or password.').waitFor(WAIT);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await loginStatus(TECH)).toBe(401);
  }, 120_000);
});
