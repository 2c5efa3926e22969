import type { CauseCode } from '@fleet/telemetry/causes';
import { CAUSE_ACTIONS } from '@fleet/telemetry/causes';
import { incidentAlertKey, terminalAlertKey, type AlertSignal } from '../alert-signals';

/** A terminal cause as the engine would raise it; override what the test is about. */
export function terminalSignal(
  terminalId: string,
  code: CauseCode,
  overrides: Partial<AlertSignal> = {},
): AlertSignal {
  return {
    key: terminalAlertKey(terminalId, code),
    code,
    terminalId,
    score: 60,
    evidence: `${code} on ${terminalId}`,
    recommendedAction: CAUSE_ACTIONS[code].action,
    suppressed: false,
    ...overrides,
  };
}

/** An incident's signal (CARRIER_OUTAGE unless overridden). */
export function incidentSignal(incidentId: string, place: { region?: string; mccMnc?: string }): AlertSignal {
  return {
    key: incidentAlertKey({ code: 'CARRIER_OUTAGE', ...place }),
    code: 'CARRIER_OUTAGE',
    incidentId,
    score: 100,
    evidence: `outage ${incidentId}`,
    recommendedAction: CAUSE_ACTIONS.CARRIER_OUTAGE.action,
    suppressed: false,
    ...place,
  };
}
