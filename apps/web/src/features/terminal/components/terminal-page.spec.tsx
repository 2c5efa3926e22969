// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { simForecast } from '@fleet/telemetry/risk/fixtures/detected-causes';
import { terminalSeries, terminalState } from '../../../testing/fixtures';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';

const server = new CannedApiServer();
let TerminalPage: typeof import('./terminal-page').TerminalPage;

serveCannedApi(server, async () => {
  ({ TerminalPage } = await import('./terminal-page'));
});

describe('TerminalPage', () => {
  it('puts causes first, then readings and every chart of the chosen range', async () => {
    server.answer('/api/v1/terminals/T-0001', 200, terminalState());
    server.answer('/api/v1/terminals/T-0001/series', 200, terminalSeries());
    renderUi(<TerminalPage terminalId="T-0001" role="support" />);

    const causes = await screen.findByRole('region', { name: 'Why it is at risk' });
    expect(within(causes).getByText('SIM data runs out in about 31 h')).toBeTruthy();
    const readings = screen.getByRole('region', { name: 'Latest readings' });
    expect(within(readings).getByText('RSRP -104 dBm')).toBeTruthy();
    expect(within(readings).getByText('4g · 46000')).toBeTruthy();
    expect(within(readings).getByTestId('paper-status').textContent).toBe('OK');

    for (const title of ['Signal', 'SIM data balance', 'Online / offline and heartbeats', 'Transactions']) {
      expect(await screen.findByRole('figure', { name: title })).toBeTruthy();
    }
    expect(screen.getByText('RSRP (dBm), 4G')).toBeTruthy();
    expect(screen.getByText(/^reaches 0 on .* · plan expires /)).toBeTruthy();
    const log = screen.getByRole('region', { name: 'Events and paper' });
    expect(within(log).getByText('REVERSAL')).toBeTruthy();
    expect(within(log).getByText('host timeout')).toBeTruthy();
    expect(server.requests).toContain('/api/v1/terminals/T-0001/series?range=24h');
    expect(screen.queryByRole('region', { name: 'Device credentials' })).toBeNull();
  });

  it('words the evidence from the cause’s data, not the text stored with it', async () => {
    const cause = { ...simForecast(Date.now()), evidence: 'balance 42 MB (as stored)' };
    server.answer('/api/v1/terminals/T-0001', 200, terminalState({ causes: [cause] }));
    server.answer('/api/v1/terminals/T-0001/series', 200, terminalSeries());
    renderUi(<TerminalPage terminalId="T-0001" role="support" />);
    const causes = await screen.findByRole('region', { name: 'Why it is at risk' });
    expect(within(causes).getByText('balance 42 MB, burning 61 MB/day, reaches 0 in ~17 h')).toBeTruthy();
  });

  it('asks the server for another range', async () => {
    server.answer('/api/v1/terminals/T-0001', 200, terminalState());
    server.answer('/api/v1/terminals/T-0001/series', 200, terminalSeries());
    renderUi(<TerminalPage terminalId="T-0001" role="support" />);
    fireEvent.click(await screen.findByRole('button', { name: '7 days' }));
    await vi.waitFor(() => expect(server.requests).toContain('/api/v1/terminals/T-0001/series?range=7d'));
    expect(screen.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('draws 2G signal as CSQ and says so when a range has no data', async () => {
    const csqOnly = terminalSeries({
      signal: [
        {
          t: new Date().toISOString(),
          rsrpDbm: null,
          rsrqDb: null,
          sinrDb: null,
          csq: 12,
          rssiDbm: null,
          wifiRssiDbm: null,
        },
      ],
      sim: [],
      txn: [],
      heartbeats: [],
      status: [],
      paper: [],
      events: [],
      forecast: { simZeroAt: null, simExpiresAt: null },
    });
    server.answer('/api/v1/terminals/T-0001', 200, terminalState({ causes: [] }));
    server.answer('/api/v1/terminals/T-0001/series', 200, csqOnly);
    renderUi(<TerminalPage terminalId="T-0001" role="support" />);
    expect(await screen.findByText('CSQ, 2G')).toBeTruthy();
    expect(screen.getByText('No SIM readings in this range')).toBeTruthy();
    expect(screen.getByText('No transactions in this range')).toBeTruthy();
    expect(screen.getByText('No events in this range')).toBeTruthy();
    expect(screen.getByText('No risk found: the terminal looks healthy.')).toBeTruthy();
  });

  it('lets an admin issue device credentials, shown once', async () => {
    server.answer('/api/v1/terminals/T-0001', 200, terminalState());
    server.answer('/api/v1/terminals/T-0001/series', 200, terminalSeries());
    server.answer('POST /api/v1/terminals/T-0001/credentials', 200, {
      terminalId: 'T-0001',
      password: 's3cret-once',
    });
    renderUi(<TerminalPage terminalId="T-0001" role="admin" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Issue new password' }));
    // Charts keep jsdom busy for a while after the click; give the answer time to land.
    expect(await screen.findByText('s3cret-once', {}, { timeout: 5_000 })).toBeTruthy();
  });

  it('names the terminal and the reason when it cannot be loaded', async () => {
    server.answer('/api/v1/terminals/NOPE', 404, {
      error: { code: 'NOT_FOUND', message: 'terminal NOPE not found' },
    });
    renderUi(<TerminalPage terminalId="NOPE" role="support" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Terminal NOPE could not be loaded');
    expect(alert.textContent).toContain('terminal NOPE not found');
  });
});
