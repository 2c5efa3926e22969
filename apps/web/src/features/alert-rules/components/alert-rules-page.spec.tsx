// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import type { AlertRuleView } from '@fleet/telemetry/api/alert-rules';
import { describe, expect, it } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let AlertRulesPage: typeof import('./alert-rules-page').AlertRulesPage;

const STAMP = {
  createdBy: 'system',
  createdAt: '2026-12-06T00:00:00.000Z',
  updatedBy: 'system',
  updatedAt: '2026-12-06T00:00:00.000Z',
};
const SUPPORT_RULE: AlertRuleView = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Support: the whole fleet',
  enabled: true,
  position: 10,
  match: { codes: [], minSeverity: 'warning', regions: [], merchantIds: [], mccMncs: [] },
  targets: { roles: ['support'], userIds: [], webhookUrls: [] },
  channels: ['email', 'sms', 'in_app'],
  stopAfterMatch: false,
  builtIn: true,
  ...STAMP,
};
const NIGHT_RULE: AlertRuleView = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Beijing comm faults',
  enabled: true,
  position: 5,
  match: {
    codes: ['COMM_MODULE_FAULT'],
    minSeverity: 'major',
    regions: ['Beijing'],
    merchantIds: [],
    mccMncs: [],
  },
  targets: {
    roles: ['technician'],
    userIds: [SUPPORT_RULE.id],
    webhookUrls: ['https://hooks.example.test/a'],
  },
  channels: ['sms', 'webhook'],
  stopAfterMatch: true,
  builtIn: false,
  ...STAMP,
};

serveCannedApi(server, async () => {
  ({ AlertRulesPage } = await import('./alert-rules-page'));
});

const rowOf = (name: string) =>
  screen.getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;

describe('AlertRulesPage', () => {
  it('shows support each rule in words, read only', async () => {
    server.answer('/api/v1/alert-rules', 200, { items: [NIGHT_RULE, SUPPORT_RULE] });
    renderUi(<AlertRulesPage canManage={false} />);
    await screen.findByRole('table', { name: 'Alert rules' });
    const cells = (name: string) =>
      within(rowOf(name))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells('Beijing comm faults')).toEqual([
      '5',
      'Comm module fault · major and worse · regions Beijing',
      'technician, named users: 1, webhooks: 1',
      'SMS, Webhook',
      'enabled · stops here',
    ]);
    expect(cells('Support: the whole fleet')).toEqual([
      '10',
      'any cause · warning and worse',
      'support',
      'Email, SMS, In-app inbox',
      'enabled',
    ]);
    expect(screen.queryByRole('button', { name: 'New rule' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Disable' })).toBeNull();
    expect(screen.getByText('Only administrators change rules.')).toBeTruthy();
  });

  it('lets an admin disable a rule with one PATCH and shows it disabled', async () => {
    server.answer('/api/v1/alert-rules', 200, { items: [SUPPORT_RULE] });
    server.respond(`PATCH /api/v1/alert-rules/${SUPPORT_RULE.id}`, () => {
      server.answer('/api/v1/alert-rules', 200, { items: [{ ...SUPPORT_RULE, enabled: false }] });
      return { status: 200, body: { ...SUPPORT_RULE, enabled: false } };
    });
    renderUi(<AlertRulesPage canManage />);
    await screen.findByRole('table', { name: 'Alert rules' });
    fireEvent.click(within(rowOf('Support: the whole fleet')).getByRole('button', { name: 'Disable' }));
    expect(
      await within(rowOf('Support: the whole fleet')).findByRole('button', { name: 'Enable' }),
    ).toBeTruthy();
    expect(server.received.filter((r) => r.method === 'PATCH').map((r) => [r.path, r.body])).toEqual([
      [`/api/v1/alert-rules/${SUPPORT_RULE.id}`, { enabled: false }],
    ]);
    expect(within(rowOf('Support: the whole fleet')).getAllByRole('cell')[4]?.textContent).toBe('disabled');
  });
});
