import type { WorkOrderState } from '@fleet/telemetry/api/work-orders';

/** Who may make a change: the assigned technician, support (and admins), or the platform itself. */
export type TransitionActor = 'technician' | 'support' | 'system';

/**
 * Every legal change of state (PROTOCOL.md §2) and who may make it. `rejected` is where a
 * refusal is recorded; the platform then hands the order to the next technician
 * (`assigned`) or back to the pool (`new`). Support's assignment also reaches `assigned`
 * from an order under way or one that could not be completed (another visit, another
 * technician). `resolved` and `cancelled` are final.
 */
const LEGAL: Readonly<Record<WorkOrderState, Partial<Record<WorkOrderState, readonly TransitionActor[]>>>> = {
  new: { assigned: ['system', 'support'], cancelled: ['support'] },
  assigned: {
    accepted: ['technician', 'support'],
    rejected: ['technician', 'support'],
    assigned: ['system', 'support'],
    cancelled: ['support'],
  },
  accepted: {
    en_route: ['technician', 'support'],
    assigned: ['support'],
    cancelled: ['support'],
  },
  rejected: { assigned: ['system', 'support'], new: ['system'], cancelled: ['support'] },
  en_route: {
    on_site: ['technician', 'support'],
    assigned: ['support'],
    cancelled: ['support'],
  },
  on_site: {
    resolved: ['technician', 'support'],
    cannot_complete: ['technician', 'support'],
    cancelled: ['support'],
  },
  cannot_complete: { assigned: ['support'], cancelled: ['support'] },
  resolved: {},
  cancelled: {},
};

/** States in which a technician holds the order (its load). */
export const ACTIVE_STATES: readonly WorkOrderState[] = ['assigned', 'accepted', 'en_route', 'on_site'];
/** States after which nothing happens any more. */
export const FINAL_STATES: readonly WorkOrderState[] = ['resolved', 'cancelled'];

export function canTransition(from: WorkOrderState, to: WorkOrderState, actor: TransitionActor): boolean {
  return LEGAL[from][to]?.includes(actor) ?? false;
}

/** The states reachable from `from` by `actor`, for the 409's message. */
export function nextStates(from: WorkOrderState, actor: TransitionActor): WorkOrderState[] {
  return (Object.keys(LEGAL[from]) as WorkOrderState[]).filter((to) => canTransition(from, to, actor));
}

/** Why `from → to` is refused, in words a client can show; undefined when it is legal. */
export function illegalTransition(
  from: WorkOrderState,
  to: WorkOrderState,
  actor: TransitionActor,
): string | undefined {
  if (canTransition(from, to, actor)) return undefined;
  const allowed = nextStates(from, actor);
  const byOthers = LEGAL[from][to] !== undefined;
  if (byOthers) return `a work order ${from} can go to ${to} only by ${LEGAL[from][to]!.join(' or ')}`;
  return allowed.length === 0
    ? `a work order ${from} cannot change any more`
    : `a work order ${from} cannot go to ${to}; it can go to ${allowed.join(', ')}`;
}
