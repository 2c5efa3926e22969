import type { WorkOrderFigures } from '@fleet/telemetry/api/reports';

/**
 * The seam for work-order figures: the app binds WorkOrderFiguresSource (dispatch's
 * `work_orders`); `noWorkOrders` reports none (null) for figure tests that leave dispatch out.
 */
export interface WorkOrderSource {
  /** Work orders of `terminalIds` opened in [from, to). */
  figures(terminalIds: readonly string[], from: Date, to: Date, now: Date): Promise<WorkOrderFigures | null>;
}

export const WORK_ORDER_SOURCE = Symbol('WORK_ORDER_SOURCE');

export const noWorkOrders: WorkOrderSource = {
  figures: () => Promise.resolve(null),
};
