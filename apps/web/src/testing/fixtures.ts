import type { AlertView } from '@fleet/telemetry/api/alerts';
import type { FleetSummaryView, TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import type { AtRiskItem } from '@fleet/telemetry/api/risk';
import type { TerminalStateView } from '@fleet/telemetry/api/terminals';

/** Test data factories with overrides, shaped exactly like the API's views. */
export function fleetSummary(overrides: Partial<FleetSummaryView> = {}): FleetSummaryView {
  return {
    total: 1200,
    online: 900,
    offline: 100,
    unregistered: 3,
    atRisk: 42,
    atRiskByCause: { SIM_DATA_EXHAUSTION: 20, OFFLINE: 12, PAPER_OUT: 10 },
    openIncidents: 1,
    ingest: { received: 12345, stored: 12000, rejected: 45, bufferDepth: 300 },
    ...overrides,
  };
}

export function atRiskItem(overrides: Partial<AtRiskItem> = {}): AtRiskItem {
  return {
    terminalId: 'T-0001',
    riskScore: 80,
    causes: [{ code: 'SIM_DATA_EXHAUSTION', evidence: 'balance 12 MB, burning 9 MB/day' }],
    recommendedAction: 'Top up the SIM remotely',
    merchantName: 'Corner Café',
    merchantPhone: '+86 21 5555 0101',
    region: 'east',
    online: true,
    contact: null,
    ...overrides,
  };
}

export function terminalState(overrides: Partial<TerminalStateView> = {}): TerminalStateView {
  return {
    terminalId: 'T-0001',
    registered: true,
    merchantId: 'M-1',
    merchantName: 'Corner Café',
    merchantPhone: '+86 21 5555 0101',
    address: null,
    region: 'east',
    lat: 31.23,
    lon: 121.47,
    model: 'P400',
    comm: '4g',
    online: true,
    onlineReason: null,
    lastSeenAt: new Date(Date.now() - 60_000).toISOString(),
    lastReceivedAt: new Date(Date.now() - 59_000).toISOString(),
    signal: { comm: '4g', rsrpDbm: -104, mccMnc: '46000' },
    sim: { dataBalanceMb: 12, expiresAt: '2026-12-31' },
    paper: { status: 'ok' },
    heartbeat: { batteryPct: 80 },
    riskScore: 80,
    causes: [
      {
        code: 'SIM_DATA_EXHAUSTION',
        evidence: 'balance 12 MB',
        predictedAt: new Date(Date.now() + 31 * 3_600_000).toISOString(),
      },
    ],
    ...overrides,
  };
}

export function terminalSeries(overrides: Partial<TerminalSeriesView> = {}): TerminalSeriesView {
  const to = Date.now();
  const from = to - 24 * 3_600_000;
  const hours = Array.from({ length: 24 }, (_, h) => new Date(from + h * 3_600_000).toISOString());
  return {
    terminalId: 'T-0001',
    range: '24h',
    bucketSeconds: 3600,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    signal: hours.map((t, h) => ({
      t,
      rsrpDbm: -95 - h / 2,
      rsrqDb: -12,
      sinrDb: 3,
      csq: null,
      rssiDbm: null,
      wifiRssiDbm: null,
    })),
    sim: hours.map((t, h) => ({ t, dataBalanceMb: 30 - h * 0.75 })),
    txn: hours.map((t) => ({ t, approved: 10, declined: 1, timeouts: 0, reversals: 0, commErrors: 0 })),
    heartbeats: hours.map((t) => ({ t, count: 60 })),
    status: [{ t: hours[0]!, online: true, reason: null }],
    paper: [{ t: hours[3]!, status: 'low' }],
    events: [{ t: hours[5]!, code: 'REVERSAL', detail: 'host timeout' }],
    forecast: { simZeroAt: new Date(to + 31 * 3_600_000).toISOString(), simExpiresAt: '2026-12-31' },
    ...overrides,
  };
}

export function alertView(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: '6f9619ff-8b86-4011-b42d-00c04fc96401',
    code: 'SIM_DATA_EXHAUSTION',
    severity: 'minor',
    state: 'open',
    terminalId: 'T-0001',
    openedAt: '2026-03-01T08:00:00.000Z',
    lastRaisedAt: '2026-03-01T08:00:00.000Z',
    occurrences: 1,
    evidence: 'balance 12 MB, burning 9 MB/day',
    recommendedAction: 'Top up the SIM data plan',
    region: 'north',
    merchantId: 'M-001',
    ...overrides,
  };
}
