// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_KEY } from '../../../lib/i18n/language';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { paperOut, simForecast } from '@fleet/telemetry/risk/fixtures/detected-causes';
import { atRiskItem } from '../../../testing/fixtures';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let AtRiskPage: typeof import('./at-risk-page').AtRiskPage;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000 + 60_000).toISOString();

const queue = {
  generatedAt: new Date().toISOString(),
  items: [
    atRiskItem({
      terminalId: 'T-0001',
      riskScore: 88,
      causes: [
        {
          code: 'SIM_DATA_EXHAUSTION',
          evidence: 'balance 12 MB, burning 9 MB/day',
          predictedAt: inHours(31),
        },
      ],
    }),
    atRiskItem({
      terminalId: 'T-0002',
      riskScore: 61,
      merchantName: 'Book Nook',
      merchantPhone: null,
      causes: [{ code: 'PAPER_OUT', evidence: 'paper out since 09:10' }],
      recommendedAction: 'Tell the merchant; send paper rolls',
      contact: { by: 'mei', at: new Date(Date.now() - 300_000).toISOString() },
    }),
  ],
};

serveCannedApi(server, async () => {
  ({ AtRiskPage } = await import('./at-risk-page'));
});

describe('AtRiskPage', () => {
  it('lists terminals highest risk first with evidence, forecast in words, action and phone', async () => {
    server.answer('/api/v1/terminals/at-risk', 200, queue);
    renderUi(<AtRiskPage role="support" />);
    const cards = within(await screen.findByRole('list', { name: 'At-risk queue' })).getAllByRole(
      'listitem',
      {
        name: '',
      },
    );
    const first = cards[0]!;
    expect(within(first).getByRole('link', { name: 'T-0001' }).getAttribute('href')).toBe(
      '#/terminals/T-0001',
    );
    expect(within(first).getByText('SIM data runs out in about 31 h')).toBeTruthy();
    expect(within(first).getByText('balance 12 MB, burning 9 MB/day')).toBeTruthy();
    expect(within(first).getByText('Top up the SIM remotely')).toBeTruthy();
    expect(within(first).getByRole('link', { name: '☎ +86 21 5555 0101' }).getAttribute('href')).toBe(
      'tel:+86 21 5555 0101',
    );
    expect(screen.getByText('Contacted by mei 5 minutes ago')).toBeTruthy();
    expect(server.requests).toEqual(['/api/v1/terminals/at-risk?limit=500']);
  });

  it('words each cause’s evidence in Chinese from its data, and shows older causes as stored', async () => {
    const now = Date.now();
    server.answer('/api/v1/terminals/at-risk', 200, {
      generatedAt: new Date(now).toISOString(),
      items: [
        atRiskItem({ terminalId: 'T-0001', riskScore: 90, causes: [simForecast(now), paperOut(now, 'out')] }),
        atRiskItem({
          terminalId: 'T-0002',
          riskScore: 60,
          causes: [{ code: 'PAPER_OUT', evidence: 'paper out' }],
        }),
      ],
    });
    localStorage.setItem(LANGUAGE_KEY, 'zh-CN');
    try {
      renderUi(<AtRiskPage role="support" />);
      const queue = await screen.findByRole('list', { name: '风险队列' });
      const [first, second] = within(queue)
        .getAllByRole('link', { name: /^T-000/ })
        .map((link) => link.closest('li')!);
      expect(within(first!).getByText('流量约 17 小时后用完')).toBeTruthy();
      expect(within(first!).getByText('余额 42 MB，每天消耗 61 MB，约 17 小时后用完')).toBeTruthy();
      expect(within(first!).getByText('缺纸已持续约 3 小时')).toBeTruthy();
      expect(within(first!).queryByText(/burning/)).toBeNull();
      expect(within(second!).getByText('paper out')).toBeTruthy();
    } finally {
      localStorage.removeItem(LANGUAGE_KEY);
    }
  });

  it('filters by cause chips', async () => {
    server.answer('/api/v1/terminals/at-risk', 200, queue);
    renderUi(<AtRiskPage role="support" />);
    const chip = await screen.findByRole('button', { name: 'Paper · 1' });
    fireEvent.click(chip);
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('link', { name: 'T-0001' })).toBeNull();
    expect(screen.getByRole('link', { name: 'T-0002' })).toBeTruthy();
    fireEvent.click(chip);
    expect(screen.getByRole('link', { name: 'T-0001' })).toBeTruthy();
  });

  it('marks a merchant contacted and shows who did it', async () => {
    server.answer('/api/v1/terminals/at-risk', 200, queue);
    server.answer('POST /api/v1/terminals/T-0001/contact', 200, {
      by: 'agent-support',
      at: new Date().toISOString(),
    });
    renderUi(<AtRiskPage role="support" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Merchant contacted' }));
    expect(await screen.findByText('Contacted by agent-support now')).toBeTruthy();
    expect(server.received.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/v1/terminals/T-0001/contact',
      body: {},
    });
  });

  it('explains a failed contact instead of pretending', async () => {
    server.answer('/api/v1/terminals/at-risk', 200, queue);
    server.answer('POST /api/v1/terminals/T-0001/contact', 403, {
      error: { code: 'FORBIDDEN', message: 'outside your scope' },
    });
    renderUi(<AtRiskPage role="support" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Merchant contacted' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: outside your scope');
  });

  it('offers no contact button to a technician', async () => {
    server.answer('/api/v1/terminals/at-risk', 200, queue);
    renderUi(<AtRiskPage role="technician" />);
    expect(await screen.findByText('Not contacted yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Merchant contacted' })).toBeNull();
  });

  it('has an empty and an error state', async () => {
    server.answer('/api/v1/terminals/at-risk', 200, { items: [], generatedAt: new Date().toISOString() });
    renderUi(<AtRiskPage role="support" />);
    expect(await screen.findByText('No terminal is at risk. Nothing to call about.')).toBeTruthy();
    cleanup();
    server.answer('/api/v1/terminals/at-risk', 500, {
      error: { code: 'INTERNAL', message: 'risk engine down' },
    });
    renderUi(<AtRiskPage role="support" />);
    expect((await screen.findByRole('alert')).textContent).toContain('risk engine down');
  });
});
