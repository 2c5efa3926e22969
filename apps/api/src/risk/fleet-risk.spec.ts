import { describe, expect, it } from 'vitest';
import { makeMessage } from '../storage/testing/telemetry-factory';
import { FleetRisk } from './fleet-risk';

const MIN = 60_000;
const NOW = Date.parse('2026-03-04T12:00:00Z');

describe('FleetRisk', () => {
  it('reports a terminal when it becomes at risk, not again while nothing changes, and when it recovers', () => {
    const fleet = new FleetRisk();
    const touched = fleet.apply([
      makeMessage('heartbeat', { terminalId: 'T1', ts: NOW - MIN }),
      makeMessage('paper', { terminalId: 'T1', ts: NOW - MIN, payload: { status: 'out' } }),
    ]);
    expect([...touched]).toEqual(['T1']);
    expect(fleet.assess(touched, NOW).changed.map((a) => a.causes[0]?.code)).toEqual(['PAPER_OUT']);
    expect(fleet.sweep(NOW + 1000).changed).toEqual([]);

    fleet.apply([makeMessage('paper', { terminalId: 'T1', ts: NOW, payload: { status: 'ok' } })]);
    const recovered = fleet.assess(['T1'], NOW + 2000);
    expect(recovered.changed[0]?.causes).toEqual([]);
    expect(recovered.removed).toEqual(['T1']);
  });

  it('finds silence only when the sweep looks again later', () => {
    const fleet = new FleetRisk();
    fleet.assess(fleet.apply([makeMessage('heartbeat', { terminalId: 'T1', ts: NOW })]), NOW);
    expect(fleet.sweep(NOW + MIN).changed).toEqual([]);
    expect(fleet.sweep(NOW + 10 * MIN).changed[0]?.causes[0]?.code).toBe('OFFLINE');
  });
});
