import type { AlertTimelineEntry, AlertView } from '@fleet/telemetry/api/alerts';
import type { AlertEventRow, AlertRow } from './alerts.repository';

const iso = (d: Date) => new Date(d).toISOString();

/** A stored alert as the API, the socket and the notifications see it; nulls left out. */
export function alertView(row: AlertRow): AlertView {
  const view: AlertView = {
    id: row.id,
    code: row.code,
    severity: row.severity,
    state: row.state,
    openedAt: iso(row.opened_at),
    occurrences: row.occurrences,
    lastRaisedAt: iso(row.last_raised_at),
    evidence: row.evidence.text ?? '',
    recommendedAction: row.recommended_action,
  };
  if (row.terminal_id !== null) view.terminalId = row.terminal_id;
  if (row.incident_id !== null) view.incidentId = row.incident_id;
  if (row.acknowledged_at !== null) view.acknowledgedAt = iso(row.acknowledged_at);
  if (row.acknowledged_by !== null) view.acknowledgedBy = row.acknowledged_by;
  if (row.acknowledge_note !== null) view.acknowledgeNote = row.acknowledge_note;
  if (row.resolved_at !== null) view.resolvedAt = iso(row.resolved_at);
  if (row.resolved_by !== null) view.resolvedBy = row.resolved_by;
  if (row.resolve_reason !== null) view.resolveReason = row.resolve_reason;
  if (row.assignee !== null) view.assignee = row.assignee;
  if (row.evidence.data !== undefined) view.evidenceData = row.evidence.data;
  const region = row.terminal_id !== null ? row.terminal_region : row.incident_region;
  if (region !== null) view.region = region;
  if (row.merchant_id !== null) view.merchantId = row.merchant_id;
  if (row.incident_mcc_mnc !== null) view.mccMnc = row.incident_mcc_mnc;
  return view;
}

export function timelineEntry(row: AlertEventRow): AlertTimelineEntry {
  return {
    at: iso(row.at),
    kind: row.kind as AlertTimelineEntry['kind'],
    actor: row.actor,
    detail: row.detail,
  };
}
