import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_OPTIONS } from './alert-options';
import { AlertRules, type AlertDecision } from './alert-rules';
import { alertSignals, terminalAlertKey, type AlertSignal } from './alert-signals';
import type { AtRiskItem, IncidentView } from '@fleet/telemetry/api/risk';
import type { CauseCode } from '@fleet/telemetry/causes';

const MIN = 60_000;
const T0 = Date.parse('2026-12-06T08:00:00Z');

/** A fake clock the tests move by hand. */
function clock() {
  let now = T0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function rules() {
  let n = 0;
  return new AlertRules(DEFAULT_ALERT_OPTIONS, () => `alert-${++n}`);
}

function signal(code: CauseCode, overrides: Partial<AlertSignal> = {}): AlertSignal {
  const terminalId = overrides.terminalId ?? 'T-1';
  return {
    key: terminalAlertKey(terminalId, code),
    code,
    terminalId,
    score: 60,
    evidence: 'test',
    recommendedAction: 'do something',
    suppressed: false,
    ...overrides,
  };
}

const kinds = (decisions: AlertDecision[]) => decisions.map((d) => d.kind);

describe('AlertRules', () => {
  it('tells when the next cause seen completes its raise time, and nothing once it opened', () => {
    const r = rules();
    const t = clock();
    const paper = signal('PAPER_OUT');
    const sim = signal('SIM_EXPIRY', { terminalId: 'T-2' });
    const raiseMs = DEFAULT_ALERT_OPTIONS.causes.PAPER_OUT.raiseAfterMinutes * MIN;
    expect(r.nextRaiseAfter(t.now())).toBeUndefined();
    // SIM expiry raises at once; paper waits out its raise time.
    expect(kinds(r.evaluate([paper, sim], t.now()))).toEqual(['open']);
    expect(r.nextRaiseAfter(t.now())).toBe(T0 + raiseMs);
    t.advance(raiseMs);
    expect(kinds(r.evaluate([paper, sim], t.now()))).toEqual(['open']);
    expect(r.nextRaiseAfter(t.now())).toBeUndefined();
  });

  it('opens an alert only once its cause has lasted the raise time, and only one', () => {
    const r = rules();
    const t = clock();
    const paper = signal('PAPER_OUT'); // raise after 2 min
    expect(r.evaluate([paper], t.now())).toEqual([]);
    t.advance(1 * MIN);
    expect(r.evaluate([paper], t.now())).toEqual([]);
    t.advance(1 * MIN);
    expect(r.evaluate([paper], t.now())).toEqual([{ kind: 'open', id: 'alert-1', signal: paper }]);
    t.advance(5 * MIN);
    expect(r.evaluate([paper], t.now())).toEqual([]);
  });

  it('resolves by itself once the cause has been gone for the hold time, not before', () => {
    const r = rules();
    const t = clock();
    const sim = signal('SIM_DATA_EXHAUSTION'); // raise at once
    expect(kinds(r.evaluate([sim], t.now()))).toEqual(['open']);
    t.advance(MIN);
    expect(r.evaluate([], t.now())).toEqual([{ kind: 'clearing', id: 'alert-1', since: t.now() }]);
    const clearedAt = t.now();
    t.advance(9 * MIN);
    expect(r.evaluate([], t.now())).toEqual([]);
    t.advance(1 * MIN);
    expect(r.evaluate([], t.now())).toEqual([{ kind: 'resolve', id: 'alert-1', clearSince: clearedAt }]);
  });

  it('keeps the alert open when the cause comes back within the hold time', () => {
    const r = rules();
    const t = clock();
    const sim = signal('SIM_DATA_EXHAUSTION');
    r.evaluate([sim], t.now());
    t.advance(MIN);
    expect(kinds(r.evaluate([], t.now()))).toEqual(['clearing']);
    t.advance(5 * MIN);
    expect(r.evaluate([sim], t.now())).toEqual([{ kind: 'recovered', id: 'alert-1' }]);
    t.advance(20 * MIN);
    expect(kinds(r.evaluate([sim], t.now()))).toEqual([]);
  });

  it('reopens the resolved alert when the same cause returns within the reopen window', () => {
    const r = rules();
    const t = clock();
    const sim = signal('SIM_DATA_EXHAUSTION');
    r.evaluate([sim], t.now());
    r.evaluate([], t.now());
    t.advance(10 * MIN);
    expect(kinds(r.evaluate([], t.now()))).toEqual(['resolve']);
    t.advance(3 * 60 * MIN);
    expect(r.evaluate([sim], t.now())).toEqual([{ kind: 'reopen', id: 'alert-1', signal: sim }]);
  });

  it('opens a new alert when the cause returns after the reopen window', () => {
    const r = rules();
    const t = clock();
    const sim = signal('SIM_DATA_EXHAUSTION');
    r.evaluate([sim], t.now());
    r.evaluate([], t.now());
    t.advance(10 * MIN);
    r.evaluate([], t.now());
    t.advance(25 * 60 * MIN);
    expect(r.evaluate([sim], t.now())).toEqual([{ kind: 'open', id: 'alert-2', signal: sim }]);
  });

  it('makes one alert of a weak signal that crosses its edge ten times in an hour', () => {
    const r = rules();
    const t = clock();
    const weak = signal('WEAK_SIGNAL');
    const decisions: AlertDecision[] = [];
    // Three minutes under the edge, three above, ten times over an hour, judged each minute.
    for (let minute = 0; minute < 60; minute++) {
      const below = Math.floor(minute / 3) % 2 === 0;
      decisions.push(...r.evaluate(below ? [weak] : [], t.now()));
      t.advance(MIN);
    }
    expect(decisions.filter((d) => d.kind === 'open' || d.kind === 'reopen')).toHaveLength(1);
    expect(decisions.filter((d) => d.kind === 'resolve')).toEqual([]);
  });

  it('raises nothing for a short blip below the raise time', () => {
    const r = rules();
    const t = clock();
    const offline = signal('OFFLINE'); // raise after 2 min
    r.evaluate([offline], t.now());
    t.advance(MIN);
    r.evaluate([offline], t.now());
    t.advance(MIN);
    expect(r.evaluate([], t.now())).toEqual([]);
    // Back after more than the clear hold: the count starts again.
    t.advance(15 * MIN);
    expect(r.evaluate([offline], t.now())).toEqual([]);
  });

  it('holds back members of an open incident and raises only the incident, then the member once it ends', () => {
    const r = rules();
    const t = clock();
    const incident: IncidentView = {
      id: 'INC-1',
      code: 'CARRIER_OUTAGE',
      startedAt: new Date(T0).toISOString(),
      terminalCount: 2,
      mccMnc: '46000',
      memberIds: ['T-1', 'T-2'],
    };
    const members: AtRiskItem[] = ['T-1', 'T-2'].map((terminalId) => ({
      terminalId,
      riskScore: 80,
      recommendedAction: '',
      causes: [
        { code: 'CARRIER_OUTAGE', evidence: 'outage', incidentId: 'INC-1' },
        { code: 'PAPER_OUT', evidence: 'paper out' },
      ],
    }));
    let opened: AlertDecision[] = [];
    for (let minute = 0; minute < 10; minute++) {
      opened.push(...r.evaluate(alertSignals(members, [incident]), t.now()));
      t.advance(MIN);
    }
    expect(opened.map((d) => (d.kind === 'open' ? d.signal.key : d.kind))).toEqual([
      'incident:CARRIER_OUTAGE:46000:',
    ]);

    // The incident ends; T-1 still has no paper, T-2 recovered.
    const after: AtRiskItem[] = [{ ...members[0]!, causes: [{ code: 'PAPER_OUT', evidence: 'paper out' }] }];
    opened = r.evaluate(alertSignals(after, []), t.now());
    expect(
      opened.filter((d) => d.kind === 'open').map((d) => (d.kind === 'open' ? d.signal.key : '')),
    ).toEqual([terminalAlertKey('T-1', 'PAPER_OUT')]);
    expect(kinds(opened)).toContain('clearing'); // the incident's alert starts its hold
  });

  it('opens a released member’s alert at once, without waiting out the raise time again', () => {
    const r = rules();
    const t = clock();
    // OFFLINE waits two minutes before raising, unless the terminal was failing inside an incident.
    expect(r.evaluate([signal('OFFLINE')], t.now())).toEqual([]);
    const released = signal('OFFLINE', {
      terminalId: 'T-2',
      key: terminalAlertKey('T-2', 'OFFLINE'),
      released: true,
    });
    expect(kinds(r.evaluate([released], t.now()))).toEqual(['open']);
  });

  it('marks the signals of a terminal that just left an incident as released, and of others not', () => {
    const item = (terminalId: string): AtRiskItem => ({
      terminalId,
      riskScore: 70,
      recommendedAction: '',
      causes: [{ code: 'OFFLINE', evidence: 'silent' }],
    });
    const signals = alertSignals([item('T-1'), item('T-3')], [], new Set(['T-1', 'T-2']));
    expect(signals.map((s) => [s.terminalId, s.released ?? false, s.suppressed])).toEqual([
      ['T-1', true, false],
      ['T-3', false, false],
    ]);
  });

  it('after a resolution by hand, waits for the cause to go before it can come back', () => {
    const r = rules();
    const t = clock();
    const sim = signal('SIM_DATA_EXHAUSTION');
    r.evaluate([sim], t.now());
    r.resolvedByHand('alert-1', t.now());
    t.advance(MIN);
    expect(r.evaluate([sim], t.now())).toEqual([]);
    t.advance(MIN);
    expect(r.evaluate([], t.now())).toEqual([]);
    t.advance(MIN);
    expect(r.evaluate([sim], t.now())).toEqual([{ kind: 'reopen', id: 'alert-1', signal: sim }]);
  });

  it('continues a stored alert after a restart: its clear hold counts from the stored time', () => {
    const r = rules();
    const t = clock();
    const key = terminalAlertKey('T-1', 'SIM_DATA_EXHAUSTION');
    r.load([{ id: 'stored', key, clearSince: t.now() - 9 * MIN }], []);
    expect(r.evaluate([], t.now())).toEqual([]);
    t.advance(MIN);
    expect(r.evaluate([], t.now())).toEqual([{ kind: 'resolve', id: 'stored', clearSince: T0 - 9 * MIN }]);
  });
});
