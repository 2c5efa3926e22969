import type { WorkOrderFigures } from '@fleet/telemetry/api/reports';

/**
 * The seam for work-order figures. Dispatch (the `work_orders` table) is built on its own
 * branch; once it lands it provides this token, and the report's `workOrders` section fills.
 * Until then the default reports none (null), never made-up numbers.
 */
export interface WorkOrderSource {
  /** Work orders of `terminalIds` opened in [from, to). */
  figures(terminalIds: readonly string[], from: Date, to: Date, now: Date): Promise<WorkOrderFigures | null>;
}

export const WORK_ORDER_SOURCE = Symbol('WORK_ORDER_SOURCE');

export const noWorkOrders: WorkOrderSource = {
  figures: () => Promise.resolve(null),
};
