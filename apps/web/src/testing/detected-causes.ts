import { evidenceDataSchema } from '@fleet/telemetry/api/risk';
import { applyIncidents } from '@fleet/telemetry/risk/apply-incidents';
import { summarizeCauses } from '@fleet/telemetry/risk/assess';
import type { Cause } from '@fleet/telemetry/risk/cause';
import { detectCommModuleFault } from '@fleet/telemetry/risk/detect-comm-module-fault';
import { detectLineFault } from '@fleet/telemetry/risk/detect-line-fault';
import { detectOffline } from '@fleet/telemetry/risk/detect-offline';
import { detectPaperOut } from '@fleet/telemetry/risk/detect-paper-out';
import { detectPower } from '@fleet/telemetry/risk/detect-power';
import { detectSimDataExhaustion } from '@fleet/telemetry/risk/detect-sim-data-exhaustion';
import { detectSimExpiry } from '@fleet/telemetry/risk/detect-sim-expiry';
import { detectWeakSignal } from '@fleet/telemetry/risk/detect-weak-signal';
import {
  burningSim,
  DAY,
  event,
  heartbeats,
  HOUR,
  makeHistory,
  MINUTE,
  signal,
  signals,
  sim,
  txns,
} from '@fleet/telemetry/risk/fixtures/make-history';
import type { PaperSample } from '@fleet/telemetry/risk/history';
import type { Incident } from '@fleet/telemetry/risk/incident';
import type { EvidenceCause } from '../lib/risk/evidence/evidence-context';

/**
 * Causes from the real detectors, as the API sends them (toCauseView, then JSON): the
 * evidence formatter is tested against the data the engine really produces. Each takes the
 * assessment time, so the engine's English evidence can be compared at the same clock.
 */
export function asView(cause: Cause | undefined): EvidenceCause {
  if (cause === undefined) throw new Error('the detector raised no cause for this fixture');
  const view = {
    code: cause.code,
    evidence: cause.evidence,
    evidenceData: evidenceDataSchema.parse(cause.evidenceData),
    predictedAt: cause.predictedAt === undefined ? undefined : new Date(cause.predictedAt).toISOString(),
  };
  return JSON.parse(JSON.stringify(view)) as EvidenceCause;
}

export const simForecast = (now: number) =>
  asView(detectSimDataExhaustion(makeHistory({ sim: burningSim(now - 3 * DAY, now, 42 + 3 * 61, 61) }), now));

export const simExhausted = (now: number) =>
  asView(detectSimDataExhaustion(makeHistory({ sim: burningSim(now - 2 * DAY, now, 80, 60) }), now));

export const simExpiry = (now: number, expiresInMs: number) =>
  asView(detectSimExpiry(makeHistory({ sim: [sim(now - HOUR, { expiresAt: now + expiresInMs })] }), now));

/** Deterministic ±spread jitter, as the detector's own spec uses. */
const jitter = (i: number, spread: number) => (((i * 7919) % 13) / 12) * 2 * spread - spread;

export const weakPersistent = (now: number) =>
  asView(
    detectWeakSignal(
      makeHistory({ signal: signals(now - 2 * DAY, now, (_, i) => ({ rsrpDbm: -115 + jitter(i, 3) })) }),
      now,
    ),
  );

export const weakWithFailures = (now: number) =>
  asView(
    detectWeakSignal(
      makeHistory({
        signal: signals(now - DAY, now, (_, i) => ({ rsrpDbm: -105 + jitter(i, 2) })),
        events: [event(now - 3 * HOUR, 'SIGN_IN_FAIL'), event(now - HOUR, 'SIGN_IN_FAIL')],
      }),
      now,
    ),
  );

export const weakTrend = (now: number) =>
  asView(
    detectWeakSignal(
      makeHistory({
        signal: signals(now - DAY, now, (ts) => ({ rsrpDbm: -100 + ((now - ts) / HOUR) * (20 / 24) })),
      }),
      now,
    ),
  );

export const weakStep = (now: number) =>
  asView(
    detectWeakSignal(
      makeHistory({
        signal: signals(now - 2 * DAY, now, (ts, i) => ({
          rsrpDbm: (ts < now - 7 * HOUR ? -80 : -104) + jitter(i, 1),
        })),
      }),
      now,
    ),
  );

export const offlineSilent = (now: number) =>
  asView(detectOffline(makeHistory({ heartbeats: heartbeats(now - 3 * DAY, now - 10 * MINUTE) }), now));

export const offlineLost = (now: number) =>
  asView(
    detectOffline(
      makeHistory({
        heartbeats: heartbeats(now - 3 * DAY, now - 70_000),
        status: [{ ts: now - 20_000, online: false, reason: 'lost' }],
      }),
      now,
    ),
  );

/** Shut down cleanly 25 h before `now` with no usual hours learned: a day of grace, then raised. */
export const offlineShutdown = (now: number) =>
  asView(
    detectOffline(
      makeHistory({
        heartbeats: heartbeats(now - 50 * HOUR, now - 25 * HOUR),
        status: [{ ts: now - 25 * HOUR + 1000, online: false, reason: 'shutdown' }],
      }),
      now,
    ),
  );

const healthyLink = (now: number) => ({
  signal: signals(now - DAY, now, () => ({})),
  sim: [sim(now - HOUR)],
});

/** Every other 15-min window: 1 timeout and 1 comm error in 6 attempts, and a reversal. */
export const commFailingLink = (now: number) =>
  asView(
    detectCommModuleFault(
      makeHistory({
        ...healthyLink(now),
        txn: txns(now - DAY + 15 * MINUTE, now, (_, i) =>
          i % 2 === 0 ? { approved: 4, timeouts: 1, commErrors: 1, reversals: 1 } : { approved: 5 },
        ),
      }),
      now,
    ),
  );

export const commStorm = (now: number) =>
  asView(
    detectCommModuleFault(
      makeHistory({
        ...healthyLink(now),
        events: [
          ...Array.from({ length: 6 }, (_, i) => event(now - (i + 1) * HOUR, 'CONN_FAIL')),
          ...Array.from({ length: 3 }, (_, i) => event(now - (i + 1) * 2 * HOUR + MINUTE, 'REBOOT')),
        ],
        status: [{ ts: now - 3 * HOUR, online: false, reason: 'lost' }],
      }),
      now,
    ),
  );

const lineTest = (ts: number, lineOk: boolean) =>
  signal(ts, { comm: 'dialup', lineOk, rsrpDbm: undefined, rsrqDb: undefined, sinrDb: undefined });

export const lineFault = (now: number, failedTests: number) =>
  asView(
    detectLineFault(
      makeHistory({
        meta: { comm: 'dialup', mccMnc: undefined },
        signal: [
          lineTest(now - (failedTests + 1) * HOUR, true),
          ...Array.from({ length: failedTests }, (_, i) => lineTest(now - (failedTests - i) * HOUR, false)),
        ],
      }),
      now,
    ),
  );

export const paperOut = (now: number, status: PaperSample['status']) =>
  asView(detectPaperOut(makeHistory({ paper: [{ ts: now - 3 * HOUR, status }] }), now));

/** On mains until 9 h ago, then on battery draining 10 % an hour. */
export const powerDraining = (now: number) =>
  asView(
    detectPower(
      makeHistory({
        heartbeats: [
          ...heartbeats(now - 11 * HOUR, now - 9 * HOUR - MINUTE),
          ...heartbeats(now - 9 * HOUR, now, { intervalS: 300 }).map((hb) => ({
            ...hb,
            power: 'battery' as const,
            batteryPct: Math.max(0, 100 - ((hb.ts - (now - 9 * HOUR)) / HOUR) * 10),
          })),
        ],
      }),
      now,
    ),
  );

export const powerLowEvent = (now: number) =>
  asView(
    detectPower(
      makeHistory({
        heartbeats: heartbeats(now - 2 * HOUR, now, { sample: { power: 'battery' } }),
        events: [event(now - 30 * MINUTE, 'LOW_BATTERY')],
      }),
      now,
    ),
  );

/** The cause an incident gives its members, through the engine's own applyIncidents. */
export const incidentMember = (now: number, incident: Omit<Incident, 'startedAt' | 'memberIds'>) => {
  const [member] = applyIncidents(
    [{ terminalId: 'T-0001', ...summarizeCauses([]) }],
    [{ ...incident, startedAt: now - 2 * HOUR, memberIds: ['T-0001', 'T-0002', 'T-0003'] }],
  );
  return asView(member?.causes.find((c) => c.code === incident.code));
};
