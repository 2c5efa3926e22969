import type { AtRiskItem, IncidentView } from '@fleet/telemetry/api/risk';
import type { AssessedTerminal } from '@fleet/telemetry/risk/apply-incidents';
import type { Incident } from '@fleet/telemetry/risk/incident';
import { recommendedActionFor, toCauseView } from './cause-view';
import type { AtRiskRow } from './risk.repository';

/** A terminal's assessment as the API, the socket and terminal_latest carry it. */
export function assessedView(a: AssessedTerminal): AtRiskItem {
  return {
    terminalId: a.terminalId,
    riskScore: a.riskScore,
    causes: a.causes.map(toCauseView),
    recommendedAction: a.recommendedAction,
  };
}

export function atRiskItem(row: AtRiskRow): AtRiskItem {
  return {
    terminalId: row.terminal_id,
    riskScore: row.risk_score,
    causes: row.causes,
    recommendedAction: recommendedActionFor(row.causes),
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    merchantPhone: row.merchant_phone,
    region: row.region,
    lat: row.lat,
    lon: row.lon,
    online: row.online,
    lastSeenAt: row.last_seen_at === null ? null : new Date(row.last_seen_at).toISOString(),
    contact:
      row.contacted_by === null || row.contacted_at === null
        ? null
        : {
            by: row.contacted_by,
            at: new Date(row.contacted_at).toISOString(),
            ...(row.contact_note === null ? {} : { note: row.contact_note }),
          },
  };
}

export function incidentView(incident: Incident): IncidentView {
  const view: IncidentView = {
    id: incident.id,
    code: incident.code,
    startedAt: new Date(incident.startedAt).toISOString(),
    endedAt: incident.endedAt === undefined ? null : new Date(incident.endedAt).toISOString(),
    terminalCount: incident.memberIds.length,
    memberIds: [...incident.memberIds],
  };
  if (incident.key.mccMnc !== undefined) view.mccMnc = incident.key.mccMnc;
  if (incident.key.region !== undefined) view.region = incident.key.region;
  return view;
}
