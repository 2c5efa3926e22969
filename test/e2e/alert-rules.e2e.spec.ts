import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRulesResponse } from '@fleet/telemetry/api/alert-rules';
import { apiAsAdmin } from './support/api';
import { screenshot } from './support/browser';
import { e2eBlocker } from './support/require-tools';
import { signIn } from './support/sign-in';
import { openSmallPlatformPage, type PlatformPage } from './support/small-platform-page';

/**
 * The alert routing rules page against the real built platform (a small fleet: this is
 * about rules, not terminals) in headless Chromium at 1366×768.
 */
const blocked = e2eBlocker();
const WAIT = { timeout: 30_000 };
const NAME = 'Comm faults, major+: technicians';

describe.skipIf(blocked)('alert rules in the dashboard, end to end', () => {
  let opened: PlatformPage | undefined;
  let page: Page;
  const platform = () => opened!.platform;

  beforeAll(async () => {
    opened = await openSmallPlatformPage();
    page = opened.page;
  }, 180_000);
  afterAll(() => opened?.close(), 30_000);

  it('lets an admin create a rule, shown at its field when it names nobody, and still listed after a reload', async () => {
    const { baseUrl, admin } = platform();
    await signIn(page, baseUrl, admin.username, admin.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alert rules' }).click();
    const table = page.getByRole('table', { name: 'Alert rules' });
    await table.getByRole('rowheader', { name: /Support: the whole fleet/ }).waitFor(WAIT);

    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name').fill(NAME);
    await form.getByRole('group', { name: 'Causes' }).getByLabel('Comm module fault').check();
    await form.getByLabel('Minimum severity').selectOption('major');
    await form.getByLabel('Stop here when it matches').check();
    await form.getByRole('button', { name: 'Create rule' }).click();
    // No role, user or webhook yet: the API's 400 stands at the roles.
    await form.getByText('give at least one role, user or webhook URL').waitFor(WAIT);
    await form.getByRole('group', { name: 'Roles' }).getByLabel('technician').check();
    await form.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('status').getByText(`Created the rule ${NAME}.`).waitFor(WAIT);
    await screenshot(page, '22-alert-rules');

    await page.reload();
    const row = page.getByRole('row', { name: NAME });
    await row.waitFor(WAIT);
    expect(await row.textContent()).toMatch(
      /Comm module fault · major and worse.*technician.*Email, In-app inbox.*enabled · stops here/,
    );
    const saved = (await apiAsAdmin<AlertRulesResponse>(platform(), '/alert-rules')).items.find(
      (r) => r.name === NAME,
    );
    expect(saved).toMatchObject({
      match: { codes: ['COMM_MODULE_FAULT'], minSeverity: 'major' },
      targets: { roles: ['technician'], userIds: [], webhookUrls: [] },
      channels: ['email', 'in_app'],
      stopAfterMatch: true,
      enabled: true,
    });
  }, 120_000);
});
