import { CAUSE_ACTIONS } from '@fleet/telemetry/causes';
import type { NotifiableAlert } from '../messages/notifiable-alert';

let counter = 0;

/** A SIM-data alert just opened on one terminal; override what a test is about. */
export function makeAlert(overrides: Partial<NotifiableAlert> = {}): NotifiableAlert {
  counter += 1;
  return {
    id: `alert-${counter}`,
    change: 'opened',
    changedAt: new Date('2026-03-04T05:00:00Z'),
    code: 'SIM_DATA_EXHAUSTION',
    severity: 'warning',
    terminalId: `T-${String(counter).padStart(4, '0')}`,
    evidence: 'balance 12 MB, burning 40 MB/day, reaches 0 in ~7 h',
    evidenceData: { balanceMb: 12, burnMbPerDay: 40, hoursToZero: 7.2 },
    recommendedAction: CAUSE_ACTIONS.SIM_DATA_EXHAUSTION.action,
    merchantName: 'Lucky Noodles',
    region: 'Shanghai',
    openedAt: new Date('2026-03-04T05:00:00Z'),
    state: 'open',
    ...overrides,
  };
}
