import type { CauseCode } from '../causes';
import { summarizeCauses, type TerminalAssessment } from './assess';
import type { Cause } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import type { Incident } from './incident';

/** Per-device causes an incident explains: nobody should be dispatched for them. */
const EXPLAINED: ReadonlySet<CauseCode> = new Set(['OFFLINE', 'COMM_MODULE_FAULT']);

export type AssessedTerminal = TerminalAssessment & { terminalId: string };

/**
 * Gives each incident member the incident's cause in place of its per-device OFFLINE and
 * COMM_MODULE_FAULT, and re-scores it. Other causes (SIM, paper, …) stay. Terminals in no
 * incident are returned as they are.
 */
export function applyIncidents<T extends AssessedTerminal>(
  assessments: readonly T[],
  incidents: readonly Incident[],
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): T[] {
  // One cause per incident, shared by its members (read-only): building it per member was a
  // tenth of every sweep with a large outage.
  const byMember = new Map<string, Cause>();
  for (const incident of incidents) {
    let cause: Cause | undefined;
    for (const id of incident.memberIds) {
      if (!byMember.has(id)) byMember.set(id, (cause ??= incidentCause(incident, config)));
    }
  }
  if (byMember.size === 0) return [...assessments];
  return assessments.map((a) => {
    const cause = byMember.get(a.terminalId);
    if (cause === undefined) return a;
    const causes = a.causes.filter((c) => !EXPLAINED.has(c.code));
    causes.push(cause);
    return { ...a, ...summarizeCauses(causes) };
  });
}

function incidentCause(incident: Incident, config: RiskConfig): Cause {
  const at = new Date(incident.startedAt).toISOString().slice(0, 16).replace('T', ' ');
  const where = [
    incident.key.mccMnc !== undefined ? `carrier ${incident.key.mccMnc}` : incident.key.carrier,
    incident.key.region !== undefined ? `region ${incident.key.region}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  const what =
    incident.code === 'HOST_MAINTENANCE'
      ? `one of ${incident.memberIds.length} terminals on several carriers whose payment host stopped answering at ${at} UTC`
      : `one of ${incident.memberIds.length} terminals${where === '' ? '' : ` (${where})`} that went offline together at ${at} UTC`;
  return {
    code: incident.code,
    score: config.incidents.memberScore,
    evidence: what,
    evidenceData: { incidentId: incident.id, terminalCount: incident.memberIds.length, ...incident.key },
    predictedAt: incident.startedAt,
  };
}
