import type { TelemetryMessage } from '@fleet/telemetry/protocol/messages';
import { applyIncidents, type AssessedTerminal } from '@fleet/telemetry/risk/apply-incidents';
import { assessTerminal } from '@fleet/telemetry/risk/assess';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from '@fleet/telemetry/risk/config';
import type { Incident } from '@fleet/telemetry/risk/incident';
import { incidentCandidate, type IncidentCandidate } from '@fleet/telemetry/risk/incident-candidate';
import { detectIncidents } from '@fleet/telemetry/risk/incidents';
import { TerminalBuffer, type TerminalRegistry } from './history/terminal-buffer';

/** How long a changed evidence text alone (e.g. "silent for ~7 min") waits before it is republished. */
const EVIDENCE_REFRESH_MS = 60_000;

export interface RiskChanges {
  /** Terminals whose assessment changed (including those that became healthy). */
  changed: AssessedTerminal[];
  /** Terminals that left the at-risk list. */
  removed: string[];
}

interface Published {
  assessment: AssessedTerminal;
  key: string;
  evidence: string;
  at: number;
}

const keyOf = (a: AssessedTerminal) =>
  `${a.riskScore}|${a.causes.map((c) => `${c.code}:${c.score}:${c.predictedAt ?? ''}`).join(',')}`;
const evidenceOf = (a: AssessedTerminal) => a.causes.map((c) => c.evidence).join('\n');

/**
 * The fleet's risk state, free of I/O: one compact history per terminal, updated message by
 * message; assessments of touched terminals at once; a sweep over all of them for causes
 * that time alone brings (silence, expiry, forecasts) and for fleet incidents.
 */
export class FleetRisk {
  readonly terminals = new Map<string, TerminalBuffer>();
  private readonly published = new Map<string, Published>();
  private currentIncidents: Incident[] = [];

  constructor(readonly config: RiskConfig = DEFAULT_RISK_CONFIG) {}

  get incidents(): readonly Incident[] {
    return this.currentIncidents;
  }

  buffer(terminalId: string): TerminalBuffer {
    let buffer = this.terminals.get(terminalId);
    if (buffer === undefined) {
      buffer = new TerminalBuffer(terminalId);
      this.terminals.set(terminalId, buffer);
    }
    return buffer;
  }

  setRegistry(terminalId: string, registry: TerminalRegistry): void {
    this.buffer(terminalId).setRegistry(registry);
  }

  /** Drops terminals whose partition went to another process: their state is theirs now. */
  forget(shouldForget: (terminalId: string) => boolean): void {
    for (const id of this.terminals.keys()) {
      if (!shouldForget(id)) continue;
      this.terminals.delete(id);
      this.published.delete(id);
    }
  }

  /** Folds messages into the histories; returns the terminals they touched. */
  apply(messages: readonly TelemetryMessage[]): Set<string> {
    const touched = new Set<string>();
    for (const message of messages) {
      this.buffer(message.terminalId).apply(message);
      touched.add(message.terminalId);
    }
    return touched;
  }

  /** Re-assesses some terminals against the incidents of the last sweep. */
  assess(terminalIds: Iterable<string>, now: number): RiskChanges {
    const assessed: AssessedTerminal[] = [];
    for (const id of terminalIds) {
      const buffer = this.terminals.get(id);
      if (buffer !== undefined)
        assessed.push({ terminalId: id, ...assessTerminal(buffer, now, this.config) });
    }
    return this.publish(applyIncidents(assessed, this.currentIncidents, this.config), now);
  }

  /**
   * Every terminal, then fleet incidents. `stabilize` may rename detected incidents (to the
   * ids under which open ones are stored) before members are given their cause.
   */
  sweep(now: number, stabilize?: (detected: Incident[]) => Incident[]): RiskChanges {
    const steps = this.sweepSteps(now, stabilize);
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
    }
  }

  /**
   * The sweep in slices of `sliceSize` terminals: the caller may yield to the event loop
   * between slices, so a sweep over 100k terminals never blocks ingest or HTTP for long.
   */
  *sweepSteps(
    now: number,
    stabilize: (detected: Incident[]) => Incident[] = (d) => d,
    sliceSize = 2000,
  ): Generator<void, RiskChanges> {
    const assessed: AssessedTerminal[] = [];
    const candidates: IncidentCandidate[] = [];
    let inSlice = 0;
    for (const [id, buffer] of this.terminals) {
      buffer.trim(now);
      const assessment = assessTerminal(buffer, now, this.config);
      assessed.push({ terminalId: id, ...assessment });
      candidates.push(incidentCandidate(buffer, now, this.config, assessment.causes));
      if (++inSlice === sliceSize) {
        inSlice = 0;
        yield;
      }
    }
    this.currentIncidents = stabilize(detectIncidents(candidates, now, this.config));
    return this.publish(applyIncidents(assessed, this.currentIncidents, this.config), now);
  }

  /** The last published assessment of a terminal. */
  assessment(terminalId: string): AssessedTerminal | undefined {
    return this.published.get(terminalId)?.assessment;
  }

  /** Keeps what changed since last published; unchanged terminals cost nothing downstream. */
  private publish(assessed: readonly AssessedTerminal[], now: number): RiskChanges {
    const changes: RiskChanges = { changed: [], removed: [] };
    for (const a of assessed) {
      const before = this.published.get(a.terminalId);
      if (before === undefined && a.causes.length === 0) continue;
      const key = keyOf(a);
      const evidence = evidenceOf(a);
      if (before !== undefined && before.key === key) {
        if (before.evidence === evidence || now - before.at < EVIDENCE_REFRESH_MS) {
          before.assessment = a;
          continue;
        }
      }
      this.published.set(a.terminalId, { assessment: a, key, evidence, at: now });
      changes.changed.push(a);
      if (a.causes.length === 0 && before !== undefined && before.assessment.causes.length > 0) {
        changes.removed.push(a.terminalId);
      }
    }
    return changes;
  }
}
