import type { WorkOrderTransition, WorkOrderView } from '@fleet/telemetry/api/work-orders';
import type { SlaOptions } from './dispatch-options';
import { slaState } from './work-order-sla';
import { WorkingCalendar } from './working-calendar';
import type { TransitionRow, WorkOrderRow } from './work-orders.repository';

const iso = (d: Date) => new Date(d).toISOString();

/** The merchant's working calendar: its shop hours where known, else business hours. */
export function calendarOf(row: Pick<WorkOrderRow, 'shop_hours'>, sla: SlaOptions): WorkingCalendar {
  return WorkingCalendar.of(row.shop_hours, sla.businessHours);
}

/** A stored order as the API, the socket and the phone see it, with its SLA state at `now`. */
export function workOrderView(
  row: WorkOrderRow,
  transitions: readonly TransitionRow[],
  now: number,
  sla: SlaOptions,
): WorkOrderView {
  const closedAt =
    row.state === 'resolved' && row.resolved_at !== null
      ? new Date(row.resolved_at).getTime()
      : row.state === 'cancelled'
        ? new Date(row.updated_at).getTime()
        : undefined;
  const view: WorkOrderView = {
    id: row.id,
    terminalId: row.terminal_id,
    code: row.code,
    kind: row.kind,
    state: row.state,
    priority: row.priority,
    slaDueAt: iso(row.sla_due_at),
    slaState: slaState(
      {
        state: row.state,
        createdAt: new Date(row.created_at).getTime(),
        dueAt: new Date(row.sla_due_at).getTime(),
        ...(closedAt === undefined ? {} : { closedAt }),
      },
      now,
      calendarOf(row, sla),
      sla,
    ),
    parts: row.parts,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    createdBy: row.created_by,
    merchantId: row.merchant_id ?? '',
    merchantName: row.merchant_name ?? '',
    region: row.region ?? '',
    lat: row.lat ?? 0,
    lon: row.lon ?? 0,
    evidence: row.evidence.text ?? '',
    recommendedAction: row.recommended_action,
    transitions: transitions.map(transitionView),
  };
  if (row.assignee !== null) view.assignee = row.assignee;
  if (row.assignee_name !== null) view.assigneeName = row.assignee_name;
  if (row.alert_id !== null) view.alertId = row.alert_id;
  if (row.merchant_phone !== null) view.merchantPhone = row.merchant_phone;
  if (row.address !== null) view.address = row.address;
  if (row.model !== null) view.model = row.model;
  if (row.comm !== null) view.comm = row.comm;
  if (row.shop_hours !== null) view.shopHours = `${row.shop_hours.open}–${row.shop_hours.close}`;
  if (row.evidence.data !== undefined) view.evidenceData = row.evidence.data;
  if (row.reason !== null) view.reason = row.reason;
  if (row.confirmation !== null) view.confirmation = row.confirmation;
  return view;
}

function transitionView(row: TransitionRow): WorkOrderTransition {
  return {
    from: row.from_state,
    to: row.to_state,
    at: iso(row.at),
    recordedAt: iso(row.recorded_at),
    actor: row.actor,
    ...(row.reason === null ? {} : { reason: row.reason }),
  };
}
