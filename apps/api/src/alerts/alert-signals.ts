import type { AtRiskItem, EvidenceData, IncidentView } from '@fleet/telemetry/api/risk';
import { CAUSE_ACTIONS, type CauseCode } from '@fleet/telemetry/causes';

/** One cause the risk engine reports now: what an alert would be raised for. */
export interface AlertSignal {
  /** The dedup key: one live alert per key. */
  key: string;
  code: CauseCode;
  terminalId?: string;
  incidentId?: string;
  /** The cause's own score, else the terminal's risk score. */
  score: number;
  evidence: string;
  evidenceData?: EvidenceData;
  predictedAt?: string;
  recommendedAction: string;
  /** Incident alerts only: where the incident is. */
  region?: string;
  mccMnc?: string;
  /** The terminal is a member of an open incident: its own alerts are held back. */
  suppressed: boolean;
  /**
   * The terminal was a member of an incident that just ended: it has been failing all along,
   * so its alert opens at once instead of waiting out the raise time again.
   */
  released?: boolean;
}

const INCIDENT_CODES: ReadonlySet<CauseCode> = new Set(['CARRIER_OUTAGE', 'HOST_MAINTENANCE']);

export const terminalAlertKey = (terminalId: string, code: CauseCode) => `terminal:${terminalId}:${code}`;

/** By the incident's place, not its id: an outage of the same carrier coming back reopens. */
export const incidentAlertKey = (incident: Pick<IncidentView, 'code' | 'mccMnc' | 'region'>) =>
  `incident:${incident.code}:${incident.mccMnc ?? ''}:${incident.region ?? ''}`;

/** Every terminal that belongs to one of `incidents`. */
export function incidentMembers(incidents: readonly IncidentView[]): Set<string> {
  return new Set(incidents.flatMap((incident) => incident.memberIds ?? []));
}

/**
 * The signals of the current risk picture: one per incident, and one per terminal and
 * cause. A member's incident cause is left to the incident's alert, and its other causes
 * come marked `suppressed`; terminals in `formerMembers` but no longer in an incident come
 * marked `released`.
 */
export function alertSignals(
  terminals: Iterable<AtRiskItem>,
  incidents: readonly IncidentView[],
  formerMembers: ReadonlySet<string> = new Set(),
): AlertSignal[] {
  const signals: AlertSignal[] = [];
  const members = incidentMembers(incidents);
  for (const incident of incidents) {
    const where = [
      incident.mccMnc && `carrier ${incident.mccMnc}`,
      incident.region && `region ${incident.region}`,
    ]
      .filter(Boolean)
      .join(', ');
    signals.push({
      key: incidentAlertKey(incident),
      code: incident.code,
      incidentId: incident.id,
      score: 100,
      evidence: `${incident.terminalCount} terminals failing together${where ? ` (${where})` : ''} since ${incident.startedAt}`,
      evidenceData: { incidentId: incident.id, terminalCount: incident.terminalCount },
      predictedAt: incident.startedAt,
      recommendedAction: CAUSE_ACTIONS[incident.code].action,
      ...(incident.region === undefined ? {} : { region: incident.region }),
      ...(incident.mccMnc === undefined ? {} : { mccMnc: incident.mccMnc }),
      suppressed: false,
    });
  }
  for (const item of terminals) {
    for (const cause of item.causes) {
      if (INCIDENT_CODES.has(cause.code)) continue;
      signals.push({
        key: terminalAlertKey(item.terminalId, cause.code),
        code: cause.code,
        terminalId: item.terminalId,
        score: cause.score ?? item.riskScore,
        evidence: cause.evidence,
        ...(cause.evidenceData === undefined ? {} : { evidenceData: cause.evidenceData }),
        ...(cause.predictedAt === undefined ? {} : { predictedAt: cause.predictedAt }),
        recommendedAction: CAUSE_ACTIONS[cause.code].action,
        suppressed: members.has(item.terminalId) || cause.incidentId !== undefined,
        ...(formerMembers.has(item.terminalId) && !members.has(item.terminalId) ? { released: true } : {}),
      });
    }
  }
  return signals;
}
