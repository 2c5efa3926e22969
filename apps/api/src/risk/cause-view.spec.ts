import { applyIncidents } from '@fleet/telemetry/risk/apply-incidents';
import { summarizeCauses } from '@fleet/telemetry/risk/assess';
import { DEFAULT_RISK_CONFIG } from '@fleet/telemetry/risk/config';
import { detectPaperOut } from '@fleet/telemetry/risk/detect-paper-out';
import { detectSimDataExhaustion } from '@fleet/telemetry/risk/detect-sim-data-exhaustion';
import { burningSim, DAY, HOUR, makeHistory, NOW } from '@fleet/telemetry/risk/fixtures/make-history';
import type { Incident } from '@fleet/telemetry/risk/incident';
import { describe, expect, it } from 'vitest';
import { toCauseView } from './cause-view';
import type { AtRiskRow } from './risk.repository';
import { assessedView, atRiskItem } from './risk-views';

const simCause = () =>
  detectSimDataExhaustion(makeHistory({ sim: burningSim(NOW - 3 * DAY, NOW, 42 + 3 * 61, 61) }), NOW)!;

/** What jsonb and socket.io hand back: the view after a JSON round trip. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('toCauseView', () => {
  it('carries the detector’s evidenceData next to the English evidence, intact over JSON', () => {
    const cause = simCause();
    const view = overTheWire(toCauseView(cause));
    expect(view).toEqual({
      code: 'SIM_DATA_EXHAUSTION',
      evidence: 'balance 42 MB, burning 61 MB/day, reaches 0 in ~17 h',
      evidenceData: { balanceMb: 42, burnMbPerDay: 61, hoursToZero: 17, basisHours: 72, topUps: 0 },
      predictedAt: new Date(cause.predictedAt!).toISOString(),
      score: cause.score,
    });
  });

  it('keeps strings and finite numbers only, and leaves out an empty evidenceData', () => {
    const view = toCauseView({
      code: 'POWER',
      score: 60,
      evidence: 'on battery',
      evidenceData: { batteryPct: 'unknown', onBatterySince: NOW, slope: NaN, left: Infinity },
    });
    expect(view.evidenceData).toEqual({ batteryPct: 'unknown', onBatterySince: NOW });
    expect(
      toCauseView({ code: 'PAPER_OUT', score: 50, evidence: 'paper low', evidenceData: {} }),
    ).not.toHaveProperty('evidenceData');
  });
});

describe('risk views', () => {
  const outage: Incident = {
    id: 'CARRIER_OUTAGE:46000:south:2024-03-06T10:00Z',
    code: 'CARRIER_OUTAGE',
    key: { mccMnc: '46000', region: 'south' },
    startedAt: NOW - 2 * HOUR,
    memberIds: ['T-0001', 'T-0002'],
  };
  const paper = detectPaperOut(makeHistory({ paper: [{ ts: NOW - HOUR, status: 'out' }] }), NOW)!;
  const [member] = applyIncidents(
    [{ terminalId: 'T-0001', ...summarizeCauses([paper]) }],
    [outage],
    DEFAULT_RISK_CONFIG,
  );

  it('pushes evidenceData on the socket and into terminal_latest with every cause', () => {
    const item = assessedView(member!);
    expect(item.causes.map((c) => [c.code, c.evidenceData])).toEqual([
      ['PAPER_OUT', { status: 'out', since: NOW - HOUR }],
      ['CARRIER_OUTAGE', { incidentId: outage.id, terminalCount: 2, mccMnc: '46000', region: 'south' }],
    ]);
    expect(item.causes[1]?.incidentId).toBe(outage.id);
  });

  it('serves stored causes with their evidenceData over REST', () => {
    const stored = overTheWire(assessedView(member!).causes);
    const row: AtRiskRow = {
      terminal_id: 'T-0001',
      risk_score: member!.riskScore,
      causes: stored,
      merchant_id: null,
      merchant_name: null,
      merchant_phone: null,
      region: 'south',
      lat: null,
      lon: null,
      online: false,
      last_seen_at: null,
      contacted_by: null,
      contacted_at: null,
      contact_note: null,
    };
    expect(atRiskItem(row).causes[0]).toMatchObject({
      code: 'PAPER_OUT',
      evidence: 'out of paper for ~60 min',
      evidenceData: { status: 'out', since: NOW - HOUR },
    });
  });
});
