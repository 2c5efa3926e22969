import type { TerminalStateView } from '@fleet/telemetry/api/terminals';
import { describe, expect, it } from 'vitest';
import { applyTerminalMessage } from './apply-terminal-message';

const state: TerminalStateView = {
  terminalId: 'T-1',
  registered: true,
  merchantId: 'M-1',
  merchantName: 'Corner Café',
  merchantPhone: null,
  address: null,
  region: 'north',
  lat: 31.2,
  lon: 121.5,
  model: 'P1',
  comm: '4g',
  online: true,
  onlineReason: null,
  lastSeenAt: '2025-03-01T12:00:00.000Z',
  lastReceivedAt: '2025-03-01T12:00:01.000Z',
  signal: null,
  sim: null,
  paper: { status: 'ok' },
  heartbeat: null,
  riskScore: 10,
  causes: [],
};

describe('applyTerminalMessage', () => {
  it('takes the paper reading of a paper message and moves last seen forward', () => {
    const next = applyTerminalMessage(state, {
      terminalId: 'T-1',
      channel: 'paper',
      ts: '2025-03-01T12:05:00.000Z',
      payload: { status: 'out' },
    });
    expect(next.paper).toEqual({ status: 'out' });
    expect(next.lastSeenAt).toBe('2025-03-01T12:05:00.000Z');
  });

  it('keeps the newer last seen when a buffered old message arrives late', () => {
    const next = applyTerminalMessage(state, {
      terminalId: 'T-1',
      channel: 'signal',
      ts: '2025-03-01T08:00:00.000Z',
      payload: { comm: '4g', rsrpDbm: -95 },
    });
    expect(next.lastSeenAt).toBe(state.lastSeenAt);
    expect(next.signal).toEqual({ comm: '4g', rsrpDbm: -95 });
  });

  it('reads online and its reason from a status message', () => {
    const next = applyTerminalMessage(state, {
      terminalId: 'T-1',
      channel: 'status',
      ts: '2025-03-01T12:06:00.000Z',
      payload: { online: false, reason: 'lost' },
    });
    expect(next).toMatchObject({ online: false, onlineReason: 'lost' });
  });
});
