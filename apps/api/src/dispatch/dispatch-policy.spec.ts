import { describe, expect, it } from 'vitest';
import type { CauseCode } from '@fleet/telemetry/causes';
import { DEFAULT_DISPATCH_OPTIONS } from './dispatch-options';
import { decideDispatch, type DispatchCandidate } from './dispatch-policy';

const HOUR = 3_600_000;
const RAISED = Date.parse('2026-03-02T02:00:00Z');
const OPTIONS = DEFAULT_DISPATCH_OPTIONS; // OFFLINE 2 h after contact, WEAK_SIGNAL 24 h after a remote step, LINE_FAULT at once

const alert = (code: CauseCode, over: Partial<DispatchCandidate> = {}): DispatchCandidate => ({
  code,
  severity: 'minor',
  terminalId: 'T-1',
  inIncident: false,
  raisedAt: RAISED,
  steps: [],
  ...over,
});
const decide = (candidate: DispatchCandidate, hoursAfterRaise: number) =>
  decideDispatch(candidate, RAISED + hoursAfterRaise * HOUR, OPTIONS);

describe('dispatch policy', () => {
  it('sends a technician for a comm-module fault at once, with the module and a spare terminal', () => {
    expect(decide(alert('COMM_MODULE_FAULT'), 0)).toEqual({
      kind: 'work_order',
      priority: 'next_business_day',
      parts: ['comm_module', 'terminal_swap'],
    });
  });

  it('sends one for power only once the merchant was told and it is still on battery 2 h later, with a power adapter', () => {
    expect(decide(alert('POWER'), 10)).toMatchObject({ kind: 'none' });
    const told = alert('POWER', { steps: [{ kind: 'merchant_contacted', at: RAISED + HOUR }] });
    expect(decide(told, 2.99)).toMatchObject({ kind: 'none' });
    expect(decide(told, 3)).toMatchObject({ kind: 'work_order', parts: ['power_adapter'] });
  });

  it('makes a critical alert urgent whatever its cause', () => {
    expect(decide(alert('COMM_MODULE_FAULT', { severity: 'critical' }), 0)).toMatchObject({
      priority: 'urgent',
    });
  });

  it('sends nobody for an offline terminal until the merchant was contacted and it is still down 2 h later', () => {
    expect(decide(alert('OFFLINE'), 10)).toMatchObject({ kind: 'none' });
    const contacted = alert('OFFLINE', { steps: [{ kind: 'merchant_contacted', at: RAISED + HOUR }] });
    expect(decide(contacted, 2.99)).toMatchObject({ kind: 'none' });
    expect(decide(contacted, 3)).toEqual({
      kind: 'work_order',
      priority: 'urgent',
      parts: ['comm_module', 'sim', 'power_adapter'],
    });
  });

  it('counts only steps of the alert’s current open period, and the first of them', () => {
    const before = alert('OFFLINE', { steps: [{ kind: 'merchant_contacted', at: RAISED - HOUR }] });
    expect(decide(before, 10)).toMatchObject({ kind: 'none' });
    const twice = alert('OFFLINE', {
      steps: [
        { kind: 'merchant_contacted', at: RAISED + 5 * HOUR },
        { kind: 'merchant_contacted', at: RAISED },
      ],
    });
    expect(decide(twice, 2)).toMatchObject({ kind: 'work_order' });
  });

  it('sends one for weak signal only when it is still there 24 h after a remote step', () => {
    expect(decide(alert('WEAK_SIGNAL'), 100)).toMatchObject({ kind: 'none' });
    const contactOnly = alert('WEAK_SIGNAL', { steps: [{ kind: 'merchant_contacted', at: RAISED }] });
    expect(decide(contactOnly, 100)).toMatchObject({ kind: 'none' });
    const tried = alert('WEAK_SIGNAL', { steps: [{ kind: 'remote_step', at: RAISED }] });
    expect(decide(tried, 23.99)).toMatchObject({ kind: 'none' });
    expect(decide(tried, 24)).toEqual({ kind: 'work_order', priority: 'standard', parts: ['antenna'] });
  });

  it('sends one for a line fault once the merchant says the line is fine', () => {
    expect(decide(alert('LINE_FAULT'), 48)).toMatchObject({ kind: 'none' });
    const lineOk = alert('LINE_FAULT', { steps: [{ kind: 'line_ok', at: RAISED + HOUR }] });
    expect(decide(lineOk, 1)).toMatchObject({ kind: 'work_order', parts: ['comm_module', 'terminal_swap'] });
  });

  it('never sends anyone for SIM causes: a top-up or a renewal for support instead', () => {
    expect(decide(alert('SIM_DATA_EXHAUSTION', { severity: 'critical' }), 0)).toEqual({
      kind: 'remote_action',
      action: 'top_up',
    });
    expect(decide(alert('SIM_EXPIRY'), 0)).toEqual({ kind: 'remote_action', action: 'renew' });
  });

  it('delivers paper only when support asks for it', () => {
    expect(decide(alert('PAPER_OUT', { severity: 'critical' }), 48)).toMatchObject({ kind: 'none' });
  });

  it('never dispatches for an incident or its members', () => {
    expect(decide(alert('CARRIER_OUTAGE', { terminalId: undefined }), 48)).toMatchObject({ kind: 'none' });
    expect(decide(alert('HOST_MAINTENANCE', { terminalId: undefined }), 48)).toMatchObject({ kind: 'none' });
    expect(decide(alert('COMM_MODULE_FAULT', { inIncident: true }), 48)).toMatchObject({ kind: 'none' });
    expect(decide(alert('SIM_DATA_EXHAUSTION', { inIncident: true }), 48)).toMatchObject({ kind: 'none' });
  });
});
