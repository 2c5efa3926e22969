import type { CauseCode } from '@fleet/telemetry/causes';
import type { FaultLabel } from '@fleet/simulator/faults/fault';
import { buildFleet } from '@fleet/simulator/fleet/build-fleet';

const HOUR = 3_600_000;
/**
 * How far the engine may lag the labels: SIM readings come hourly and a sweep re-judges
 * silence, so a fault that started or ended within the hour may or may not show yet.
 */
export const DETECTION_SLACK_MS = HOUR;

/** One card of the at-risk queue as the page shows it. */
export interface ShownCard {
  terminalId: string;
  causes: CauseCode[];
}

/** A terminal's labelled faults, by the simulator that injected them. */
export type FaultsByTerminal = ReadonlyMap<string, readonly FaultLabel[]>;

/** The demo's fleet labels, for each hour the demo may have taken as its `now`. */
export function injectedFaults(fleet: {
  seed: number;
  size: number;
  nowCandidates: number[];
}): FaultsByTerminal[] {
  return fleet.nowCandidates.map((now) => {
    const { labels } = buildFleet({ size: fleet.size, seed: fleet.seed, now });
    return new Map(labels.map((label) => [label.terminalId, label.faults]));
  });
}

const from = (fault: FaultLabel) => fault.expectedFrom ?? fault.onsetAt;

/** Causes of faults showing at some moment within the slack around `at`: a card may carry them. */
function mayShow(faults: readonly FaultLabel[], at: number): Set<CauseCode> {
  const causes = new Set<CauseCode>();
  for (const fault of faults) {
    if (fault.hardNegative || fault.onsetAt > at + DETECTION_SLACK_MS) continue;
    if (fault.endsAt !== undefined && fault.endsAt < at - DETECTION_SLACK_MS) continue;
    fault.causes.forEach((code) => causes.add(code));
  }
  return causes;
}

/** Causes of faults expected for the whole last slack up to `at`: the card must carry them. */
function mustShow(faults: readonly FaultLabel[], at: number): Set<CauseCode> {
  const causes = new Set<CauseCode>();
  for (const fault of faults) {
    if (fault.hardNegative || Math.max(from(fault), fault.onsetAt) > at - DETECTION_SLACK_MS) continue;
    if (fault.endsAt !== undefined && fault.endsAt <= at) continue;
    fault.causes.forEach((code) => causes.add(code));
  }
  return causes;
}

/**
 * What is wrong with the shown cards against the simulator's labels at `at`, in words; empty
 * when every card names at least one cause injected into its terminal, and every cause its
 * terminal surely shows by then. With several candidate fleets a cause counts as injected if
 * any of them has it, and as required only if all of them do.
 */
export function cardMismatches(
  cards: readonly ShownCard[],
  candidates: FaultsByTerminal[],
  at: number,
): string[] {
  const mistakes: string[] = [];
  for (const card of cards) {
    const faultsOf = candidates.map((labels) => labels.get(card.terminalId) ?? []);
    const injected = new Set(faultsOf.flatMap((faults) => [...mayShow(faults, at)]));
    if (!card.causes.some((code) => injected.has(code))) {
      mistakes.push(
        `${card.terminalId} shows ${card.causes.join(', ') || 'no cause'}, injected: ${[...injected].join(', ') || 'none'}`,
      );
    }
    const required = faultsOf.map((faults) => mustShow(faults, at));
    for (const code of required[0] ?? []) {
      if (required.every((set) => set.has(code)) && !card.causes.includes(code)) {
        mistakes.push(`${card.terminalId} does not show injected ${code}`);
      }
    }
  }
  return mistakes;
}
