import { describe, expect, it } from 'vitest';
import { alertView } from '../../../testing/fixtures';
import { acknowledgeable, filterAlerts, NO_FILTER } from './alert-filter';

const sim = alertView({ id: 'a-1', terminalId: 'T-0001', code: 'SIM_DATA_EXHAUSTION', severity: 'minor' });
const offline = alertView({ id: 'a-2', terminalId: 'T-0102', code: 'OFFLINE', severity: 'major' });
const outage = alertView({
  id: 'a-3',
  terminalId: undefined,
  incidentId: 'inc-1',
  code: 'CARRIER_OUTAGE',
  severity: 'critical',
  state: 'acknowledged',
});
const all = [sim, offline, outage];

describe('filterAlerts', () => {
  it('keeps everything without a filter', () => {
    expect(filterAlerts(all, NO_FILTER)).toEqual(all);
  });

  it('narrows by cause, by severity and by part of a terminal id in any case', () => {
    expect(filterAlerts(all, { ...NO_FILTER, code: 'OFFLINE' })).toEqual([offline]);
    expect(filterAlerts(all, { ...NO_FILTER, severity: 'critical' })).toEqual([outage]);
    expect(filterAlerts(all, { terminal: ' t-01 ' })).toEqual([offline]);
    expect(filterAlerts(all, { terminal: 'T-0', severity: 'minor' })).toEqual([sim]);
  });
});

describe('acknowledgeable', () => {
  it('sends only ticked alerts that are shown and still open', () => {
    const ticked = new Set(['a-1', 'a-2', 'a-3', 'gone']);
    expect(acknowledgeable([sim, outage], ticked)).toEqual(['a-1']);
  });
});
