import { describe, expect, it } from 'vitest';
import type { AlertRow } from '../alerts.repository';
import { AlertMuting, type MutingSnapshot } from './alert-muting';
import type { MutingRepository } from './muting.repository';

const at = Date.parse('2026-12-07T10:00:00Z');
const HOUR = 3_600_000;
const row = (overrides: Partial<AlertRow> = {}): AlertRow => ({
  id: 'A',
  code: 'PAPER_OUT',
  severity: 'warning',
  state: 'open',
  dedup_key: 'terminal:T-1:PAPER_OUT',
  terminal_id: 'T-1',
  incident_id: null,
  incident_region: null,
  incident_mcc_mnc: null,
  opened_at: new Date(at - HOUR),
  acknowledged_at: null,
  acknowledged_by: null,
  acknowledge_note: null,
  resolved_at: null,
  resolved_by: null,
  resolve_reason: null,
  assignee: null,
  occurrences: 1,
  last_raised_at: new Date(at - HOUR),
  clear_since: null,
  evidence: { text: 'paper out', score: 50 },
  recommended_action: 'send paper',
  terminal_region: 'Beijing',
  merchant_id: 'M-1',
  terminal_mcc_mnc: '46000',
  ...overrides,
});
const snapshot = (when: number): MutingSnapshot => ({
  at: when,
  silences: [{ id: 'S', matchers: { region: 'Beijing' }, startsAt: at - 2 * HOUR, endsAt: at + HOUR }],
  windows: [],
});
// view() reads nothing: the snapshot carries what the repository held.
const muting = new AlertMuting(undefined as unknown as MutingRepository);

describe('AlertMuting.view', () => {
  it('marks a live alert the snapshot holds, and leaves the others unmarked', () => {
    expect(muting.view(row(), snapshot(at))).toMatchObject({ silenced: true, silenceId: 'S' });
    const unmarked = muting.view(row({ terminal_region: 'Shanghai' }), snapshot(at));
    expect(unmarked).not.toHaveProperty('silenced');
    expect(unmarked).not.toHaveProperty('silenceId');
  });

  it('marks a resolution made while silenced (so it is not mailed), not a resolved alert read later', () => {
    const resolved = row({ state: 'resolved', resolved_at: new Date(at), resolved_by: 'system' });
    expect(muting.view(resolved, snapshot(at))).toMatchObject({ silenced: true });
    expect(muting.view(resolved, snapshot(at + 60_000))).not.toHaveProperty('silenced');
  });

  it('matches an incident alert on the incident’s place', () => {
    const incident = row({
      code: 'CARRIER_OUTAGE',
      terminal_id: null,
      incident_id: 'I',
      incident_region: 'Beijing',
      terminal_region: null,
      merchant_id: null,
      terminal_mcc_mnc: null,
    });
    expect(muting.view(incident, snapshot(at))).toMatchObject({ silenced: true, silenceId: 'S' });
  });
});
