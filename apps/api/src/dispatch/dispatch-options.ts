import type { WorkOrderPriority } from '@fleet/telemetry/api/work-orders';

/** Working hours in Asia/Shanghai for a merchant whose shop hours are unknown. */
export interface BusinessHours {
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  days: readonly number[];
  open: string;
  close: string;
}

/** When each cause needing a visit becomes a work order (see dispatch-policy.ts). */
export interface DispatchPolicyOptions {
  /** OFFLINE: still down this long after support recorded the merchant as contacted. */
  offlineAfterContactHours: number;
  /** WEAK_SIGNAL: still there this long after support recorded a remote step. */
  weakSignalAfterRemoteStepHours: number;
  /** LINE_FAULT: still failing this long after the merchant said the line is fine (0: at once). */
  lineFaultAfterLineOkHours: number;
  /**
   * POWER: still on a low battery this long after the merchant was told to connect mains
   * power; then the adapter or the terminal's power hardware is at fault.
   */
  powerAfterContactHours: number;
}

export interface SlaOptions {
  /** Working hours an `urgent` order has. */
  urgentHours: number;
  /** Business days a `standard` order has; `next_business_day` is one. */
  standardBusinessDays: number;
  /** At risk once less than this fraction of the order's working time is left. */
  atRiskRemainingFraction: number;
  businessHours: BusinessHours;
}

export interface AssignmentOptions {
  /** A technician holding this many active orders takes no more automatically. */
  maxActiveOrders: number;
  /** Each active order counts like this many kilometres more distance. */
  loadPenaltyKm: number;
}

/** Typed knobs of field dispatch; tests shorten them, production keeps the defaults. */
export interface DispatchOptions {
  policy: DispatchPolicyOptions;
  sla: SlaOptions;
  assignment: AssignmentOptions;
  /** After `resolved`, how long telemetry has to show the cause gone before it is `still_failing`. */
  confirmWithinHours: number;
  /** How often policy, SLA and confirmation are evaluated with no alert change. */
  evaluateIntervalMs: number;
  /** Priority by cause; a critical alert is always `urgent`. */
  priorities: Partial<Record<string, WorkOrderPriority>>;
}

export const DEFAULT_DISPATCH_OPTIONS: DispatchOptions = {
  policy: {
    offlineAfterContactHours: 2,
    weakSignalAfterRemoteStepHours: 24,
    lineFaultAfterLineOkHours: 0,
    powerAfterContactHours: 2,
  },
  sla: {
    urgentHours: 4,
    standardBusinessDays: 5,
    atRiskRemainingFraction: 0.25,
    businessHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' },
  },
  assignment: { maxActiveOrders: 8, loadPenaltyKm: 10 },
  confirmWithinHours: 4,
  evaluateIntervalMs: 30_000,
  priorities: {
    // The terminal takes no payments at all.
    OFFLINE: 'urgent',
    COMM_MODULE_FAULT: 'next_business_day',
    LINE_FAULT: 'next_business_day',
    POWER: 'next_business_day',
    WEAK_SIGNAL: 'standard',
    PAPER_OUT: 'next_business_day',
  },
};

export const DISPATCH_OPTIONS = Symbol('DISPATCH_OPTIONS');
