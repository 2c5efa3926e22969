import {
  CANNOT_COMPLETE_REASONS,
  type WorkOrderState,
  type WorkOrderTransitionTarget,
} from '@fleet/telemetry/api/work-orders';

/** Why a technician turns a job down; sent as the `reason` of `rejected`. */
export const REJECT_REASONS = ['too_far', 'fully_booked', 'missing_skill', 'off_duty', 'other'] as const;

export interface TechnicianStep {
  to: WorkOrderTransitionTarget;
  /** The reason codes to pick from, for steps that need one. */
  reasons?: readonly string[];
  reasonKey?: 'wo.reject' | 'wo.cannot';
}

/** The steps the assigned technician may take from each state (the server's state machine). */
export function technicianSteps(state: WorkOrderState): TechnicianStep[] {
  switch (state) {
    case 'assigned':
      return [{ to: 'accepted' }, { to: 'rejected', reasons: REJECT_REASONS, reasonKey: 'wo.reject' }];
    case 'accepted':
      return [{ to: 'en_route' }];
    case 'en_route':
      return [{ to: 'on_site' }];
    case 'on_site':
      return [
        { to: 'resolved' },
        { to: 'cannot_complete', reasons: CANNOT_COMPLETE_REASONS, reasonKey: 'wo.cannot' },
      ];
    // Support's and the platform's to move, or over.
    case 'new':
    case 'rejected':
    case 'cannot_complete':
    case 'resolved':
    case 'cancelled':
      return [];
  }
}
