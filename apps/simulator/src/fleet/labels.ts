import type { CauseCode } from '@fleet/telemetry/causes';
import type { FaultLabel } from '../faults/fault';

/** Ground truth for one terminal: what was injected and what the risk engine should say. */
export interface TerminalLabel {
  terminalId: string;
  faults: FaultLabel[];
  /** Causes expected at the fleet's `now` (empty for healthy terminals and hard negatives). */
  expectedCauses: CauseCode[];
}

export function isFaultActiveAt(fault: FaultLabel, t: number): boolean {
  if (fault.hardNegative) return false;
  const from = fault.expectedFrom ?? fault.onsetAt;
  return from <= t && (fault.endsAt === undefined || t < fault.endsAt);
}

/** Causes the platform should be raising for a terminal at time t, sorted. */
export function expectedCausesAt(faults: readonly FaultLabel[], t: number): CauseCode[] {
  const causes = new Set<CauseCode>();
  for (const fault of faults) if (isFaultActiveAt(fault, t)) fault.causes.forEach((c) => causes.add(c));
  return [...causes].sort();
}
