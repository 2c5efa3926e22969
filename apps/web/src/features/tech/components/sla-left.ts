import type { WorkOrderSlaState, WorkOrderState, WorkOrderView } from '@fleet/telemetry/api/work-orders';

/** "2 h 05 min", "45 min", "3 d 4 h": how long until (or since) an SLA falls due. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(rest).padStart(2, '0')} min`;
  return `${rest} min`;
}

/** The SLA line of a job: time left, or how long overdue. */
export function slaLeft(slaDueAt: string, now: number): { overdue: boolean; span: string } {
  const left = Date.parse(slaDueAt) - now;
  return { overdue: left < 0, span: formatSpan(left) };
}

/** States whose SLA clock has stopped: there is no time left to show, only met or breached. */
const CLOSED_STATES: ReadonlySet<WorkOrderState> = new Set(['resolved', 'cannot_complete', 'cancelled']);

/** What a job's SLA line shows: its final SLA state once closed, else the countdown. */
export function shownSla(
  order: Pick<WorkOrderView, 'state' | 'slaDueAt' | 'slaState'>,
  now: number,
):
  | { closed: true; modifier: WorkOrderSlaState }
  | { closed: false; modifier: WorkOrderSlaState; overdue: boolean; span: string } {
  if (CLOSED_STATES.has(order.state)) return { closed: true, modifier: order.slaState };
  const left = slaLeft(order.slaDueAt, now);
  return { closed: false, modifier: left.overdue ? 'breached' : order.slaState, ...left };
}
