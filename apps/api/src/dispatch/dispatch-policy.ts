import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type {
  RemoteActionKind,
  SupportStepKind,
  WorkOrderPart,
  WorkOrderPriority,
} from '@fleet/telemetry/api/work-orders';
import type { CauseCode } from '@fleet/telemetry/causes';
import type { DispatchOptions } from './dispatch-options';

const HOUR = 3_600_000;

/** What the policy knows of one live alert. */
export interface DispatchCandidate {
  code: CauseCode;
  severity: AlertSeverity;
  /** Absent for an incident's alert. */
  terminalId?: string;
  /** The terminal is a member of an open incident now. */
  inIncident: boolean;
  /** Start of the alert's current open period: steps before it belong to an earlier one. */
  raisedAt: number;
  /** What support recorded since then (merchant contacts from the at-risk list count too). */
  steps: ReadonlyArray<{ kind: SupportStepKind; at: number }>;
}

export type DispatchDecision =
  | { kind: 'work_order'; priority: WorkOrderPriority; parts: WorkOrderPart[] }
  | { kind: 'remote_action'; action: RemoteActionKind }
  | { kind: 'none'; why: string };

/** What the technician brings for each cause. */
export const PARTS_BY_CAUSE: Readonly<Partial<Record<CauseCode, readonly WorkOrderPart[]>>> = {
  COMM_MODULE_FAULT: ['comm_module', 'terminal_swap'],
  OFFLINE: ['comm_module', 'sim', 'power_adapter'],
  WEAK_SIGNAL: ['antenna'],
  LINE_FAULT: ['comm_module', 'terminal_swap'],
  POWER: ['power_adapter'],
  PAPER_OUT: ['paper_rolls'],
  SIM_DATA_EXHAUSTION: ['sim'],
  SIM_EXPIRY: ['sim'],
};

export function partsFor(code: CauseCode): WorkOrderPart[] {
  return [...(PARTS_BY_CAUSE[code] ?? [])];
}

/** The cause's priority; a critical alert is always urgent. */
export function priorityFor(
  code: CauseCode,
  severity: AlertSeverity,
  options: DispatchOptions,
): WorkOrderPriority {
  if (severity === 'critical') return 'urgent';
  return options.priorities[code] ?? 'standard';
}

/**
 * Whether an alert needs a visit now, support's remote action, or nothing (yet):
 * - `COMM_MODULE_FAULT`: a visit at once.
 * - `POWER`: the merchant connects mains power first; a visit (power hardware) once it is
 *   still on a low battery `powerAfterContactHours` after support recorded telling them.
 * - `OFFLINE`: a visit once it is still down `offlineAfterContactHours` after support
 *   recorded the merchant as contacted (they may just have unplugged it).
 * - `WEAK_SIGNAL`: a visit (antenna, relocation) once it is still there
 *   `weakSignalAfterRemoteStepHours` after support recorded a remote step.
 * - `LINE_FAULT`: a visit `lineFaultAfterLineOkHours` after the merchant said the line is fine.
 * - `SIM_DATA_EXHAUSTION` / `SIM_EXPIRY`: never a visit; a top-up or renewal for support.
 * - `PAPER_OUT`: only when support asks for a paper delivery (POST /work-orders).
 * - Incidents (`CARRIER_OUTAGE`, `HOST_MAINTENANCE`) and their members: never.
 */
export function decideDispatch(
  alert: DispatchCandidate,
  now: number,
  options: DispatchOptions,
): DispatchDecision {
  if (alert.terminalId === undefined) return { kind: 'none', why: 'an incident is not a device fault' };
  if (alert.inIncident) return { kind: 'none', why: 'the terminal is in an incident' };
  const visit = (): DispatchDecision => ({
    kind: 'work_order',
    priority: priorityFor(alert.code, alert.severity, options),
    parts: partsFor(alert.code),
  });
  const afterStep = (step: SupportStepKind, hours: number, waiting: string): DispatchDecision => {
    const first = alert.steps
      .filter((s) => s.kind === step && s.at >= alert.raisedAt)
      .reduce<number | undefined>((min, s) => (min === undefined || s.at < min ? s.at : min), undefined);
    if (first === undefined) return { kind: 'none', why: waiting };
    return now - first >= hours * HOUR ? visit() : { kind: 'none', why: `${waiting}: waiting ${hours} h` };
  };
  switch (alert.code) {
    case 'COMM_MODULE_FAULT':
      return visit();
    case 'POWER':
      return afterStep(
        'merchant_contacted',
        options.policy.powerAfterContactHours,
        'tell the merchant to connect mains power first',
      );
    case 'OFFLINE':
      return afterStep(
        'merchant_contacted',
        options.policy.offlineAfterContactHours,
        'call the merchant first',
      );
    case 'WEAK_SIGNAL':
      return afterStep(
        'remote_step',
        options.policy.weakSignalAfterRemoteStepHours,
        'try a remote step first',
      );
    case 'LINE_FAULT':
      return afterStep(
        'line_ok',
        options.policy.lineFaultAfterLineOkHours,
        'the merchant checks the line first',
      );
    case 'SIM_DATA_EXHAUSTION':
      return { kind: 'remote_action', action: 'top_up' };
    case 'SIM_EXPIRY':
      return { kind: 'remote_action', action: 'renew' };
    case 'PAPER_OUT':
      return { kind: 'none', why: 'paper is delivered only when support asks' };
    case 'CARRIER_OUTAGE':
    case 'HOST_MAINTENANCE':
      return { kind: 'none', why: 'an incident is not a device fault' };
  }
}
