// @vitest-environment jsdom
import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';
import { answerSchedule, TIME_ZONE_PATH } from './canned-schedule';
import { presetDates } from './report-period';

const server = new CannedApiServer();
let ReportsPage: typeof import('./reports-page').ReportsPage;
serveCannedApi(server, async () => {
  ({ ReportsPage } = await import('./reports-page'));
});

const PATH = '/api/v1/reports/device-health';
const none = { alerts: 0, terminals: 0, hoursOpen: 0 };

/** A report as the API answers it, with `terminals` and `merchants` as given. */
function report(overrides: Partial<DeviceHealthReport> = {}): DeviceHealthReport {
  return {
    period: {
      from: '2026-11-30',
      to: '2026-12-07',
      timeZone: 'Asia/Shanghai',
      startsAt: '2026-11-29T16:00:00.000Z',
      endsAt: '2026-12-06T16:00:00.000Z',
      previousFrom: '2026-11-23',
      previousTo: '2026-11-30',
    },
    generatedAt: '2026-12-07T02:00:00.000Z',
    availability: { overall: null, previous: null, openHours: 0, lostHours: 0 },
    merchants: [],
    terminals: [],
    failures: [],
    incidents: [],
    transactions: {
      approved: 0,
      declined: 0,
      timeouts: 0,
      reversals: 0,
      failureRate: null,
      previousFailureRate: null,
      trend: [],
    },
    sim: { usedMb: 0, forecast30dMb: 0, topUsers: [], expiringIn30Days: [], expiringIn60Days: [] },
    paper: none,
    power: none,
    alerts: { total: 0, meanAckMinutes: null, meanResolveMinutes: null, slaMet: 0, slaDue: 0, byCode: [] },
    workOrders: null,
    repeatOffenders: [],
    recommendations: [],
    ...overrides,
  };
}

/** One terminal's line of the report. */
function terminal(terminalId: string): DeviceHealthReport['terminals'][number] {
  return {
    terminalId,
    merchantId: 'M1',
    merchantName: '华联超市',
    model: 'A920',
    comm: '4g',
    openMinutes: 600,
    onlineMinutes: 300,
    availability: 0.5,
    previousAvailability: null,
    outages: 2,
    faultMinutes: 300,
    approved: 40,
    declined: 2,
    timeouts: 3,
    reversals: 1,
    dataUsedMb: 12,
    dataBalanceMb: 100,
    simExpiresAt: null,
    alerts: 1,
  };
}

describe('ReportsPage', () => {
  beforeEach(() => answerSchedule(server));

  it('asks for this week in the user zone and says so when the caller has no terminals', async () => {
    server.answer(PATH, 200, report());
    renderUi(<ReportsPage />);
    await screen.findByText('No terminals in this report');
    const week = presetDates('this-week', Date.now(), 'Asia/Shanghai');
    expect(server.requests).toContain(`${PATH}?from=${week.from}&to=${week.to}`);
  });

  it('shows the server’s reason when the report fails, and loads it on retry', async () => {
    server.answer(PATH, 503, { error: { code: 'UNAVAILABLE', message: 'the database is busy' } });
    renderUi(<ReportsPage />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('the database is busy')).toBeTruthy();
    server.answer(
      PATH,
      200,
      report({
        merchants: [
          {
            merchantId: 'M1',
            merchantName: '华联超市',
            terminals: 1,
            availability: 0.5,
            previousAvailability: null,
          },
        ],
        terminals: [terminal('T-1')],
      }),
    );
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    const table = await screen.findByRole('table', { name: 'Terminals' });
    expect(within(table).getByRole('link', { name: 'T-1' }).getAttribute('href')).toBe('#/terminals/T-1');
    expect(within(table).getByText('50%')).toBeTruthy();
    expect(screen.getByRole('option', { name: '华联超市' })).toBeTruthy();
  });

  it('reads the periods in the user’s time zone, and again in the new one once it is changed', async () => {
    let zone = 'Pacific/Kiritimati';
    answerSchedule(server, { timeZone: zone });
    // The server reads the dates in the zone saved for the user, and says so.
    server.respond(PATH, () => ({
      status: 200,
      body: report({ period: { ...report().period, timeZone: zone } }),
    }));
    server.respond(`PUT ${TIME_ZONE_PATH}`, ({ body }) => {
      zone = (body as { timeZone: string }).timeZone;
      answerSchedule(server, { timeZone: zone });
      return { status: 200, body };
    });
    renderUi(<ReportsPage />);
    await screen.findByText(/· Pacific\/Kiritimati$/);
    const there = presetDates('this-week', Date.now(), 'Pacific/Kiritimati');
    expect(server.requests).toContain(`${PATH}?from=${there.from}&to=${there.to}`);

    const before = server.requests.length;
    fireEvent.change(await screen.findByLabelText('Your time zone'), { target: { value: 'Europe/London' } });
    await screen.findByText(/· Europe\/London$/);
    const london = presetDates('this-week', Date.now(), 'Europe/London');
    expect(server.requests.slice(before)).toContain(`${PATH}?from=${london.from}&to=${london.to}`);
  });

  it('refuses a custom period ending before it starts, without asking the server for it', async () => {
    server.answer(PATH, 200, report());
    renderUi(<ReportsPage />);
    await screen.findByText('No terminals in this report');
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-05' } });
    await waitFor(() => expect(server.requests.some((p) => p.includes('from=2026-12-05'))).toBe(true));
    const asked = server.requests.length;
    fireEvent.change(screen.getByLabelText('To (included)'), { target: { value: '2026-12-01' } });
    await screen.findByText('The last day must not be before the first.');
    expect(screen.getByLabelText('To (included)').getAttribute('aria-invalid')).toBe('true');
    expect(server.requests.length).toBe(asked);
    fireEvent.change(screen.getByLabelText('To (included)'), { target: { value: '2026-12-06' } });
    await waitFor(() => expect(server.requests).toContain(`${PATH}?from=2026-12-05&to=2026-12-07`));
  });

  it('shows every section the JSON gives: losses apart from incidents, SIM plans, offenders, recommendations', async () => {
    server.answer(
      PATH,
      200,
      report({
        terminals: [terminal('T-7')],
        failures: [
          { cause: 'COMM_MODULE_FAULT', kind: 'device', outages: 3, terminals: 1, lostMinutes: 150 },
          { cause: 'CARRIER_OUTAGE', kind: 'incident', outages: 1, terminals: 4, lostMinutes: 45 },
        ],
        incidents: [
          {
            id: 'inc-1',
            code: 'CARRIER_OUTAGE',
            startedAt: '2026-12-01T02:00:00.000Z',
            endedAt: null,
            region: 'Shanghai',
            mccMnc: '46000',
            terminals: 4,
            lostMinutes: 45,
          },
        ],
        sim: {
          usedMb: 420,
          forecast30dMb: 900,
          topUsers: [],
          expiringIn30Days: [
            { terminalId: 'T-9', merchantName: '永辉超市', iccid: '8986001', expiresAt: '2026-12-20' },
          ],
          expiringIn60Days: [],
        },
        repeatOffenders: [
          {
            terminalId: 'T-7',
            merchantName: '鑫源面馆',
            outages: 5,
            alerts: 2,
            faultMinutes: 150,
            mainCause: 'COMM_MODULE_FAULT',
          },
        ],
        recommendations: [
          {
            code: 'RENEW_SIM',
            terminalIds: ['T-9'],
            text: { 'zh-CN': '在 12月20日 前续费 1 张 SIM 卡', en: 'Renew 1 SIM plan before 20 Dec' },
          },
        ],
      }),
    );
    renderUi(<ReportsPage />);
    const failures = await screen.findByRole('table', { name: 'Failures by cause' });
    const rows = within(failures)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[1]).toContain('device fault');
    // 150 minutes, as an agent says it.
    expect(rows[1]).toContain('3 h');
    expect(rows[2]).toContain('incident');
    expect(
      within(screen.getByRole('table', { name: 'Incidents' })).getByText('46000 · Shanghai'),
    ).toBeTruthy();
    const expiring = screen.getByRole('table', { name: 'Plans expiring within 30 days' });
    expect(within(expiring).getByRole('link', { name: 'T-9' }).getAttribute('href')).toBe('#/terminals/T-9');
    const offenders = screen.getByRole('table', { name: 'Repeat offenders' });
    expect(within(offenders).getByRole('link', { name: 'T-7' })).toBeTruthy();
    expect(screen.getByText('Renew 1 SIM plan before 20 Dec')).toBeTruthy();
  });
});
