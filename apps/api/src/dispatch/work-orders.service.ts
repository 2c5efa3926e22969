import { Injectable } from '@nestjs/common';
import {
  CANNOT_COMPLETE_REASONS,
  type WorkOrderTransitionRequest,
  type WorkOrderView,
  type WorkOrdersResponse,
} from '@fleet/telemetry/api/work-orders';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../common/errors/domain-error';
import { WorkOrderAssigner } from './work-order-assigner';
import { WorkOrderLifecycle, type Move } from './work-order-lifecycle';
import { illegalTransition, type TransitionActor } from './work-order-states';
import type { ListWorkOrdersQuery } from './work-orders.dto';
import { WorkOrdersRepository, type DispatchViewer, type WorkOrderRow } from './work-orders.repository';

/** How far ahead of the server a phone's clock may be before its `at` is refused. */
const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/** What people do with work orders, within their scope: list, read, move, reassign. */
@Injectable()
export class WorkOrdersService {
  constructor(
    private readonly repository: WorkOrdersRepository,
    private readonly lifecycle: WorkOrderLifecycle,
    private readonly assigner: WorkOrderAssigner,
  ) {}

  async list(user: AuthUser, scope: Scope, query: ListWorkOrdersQuery): Promise<WorkOrdersResponse> {
    const rows = await this.repository.list(viewerOf(user, scope), query.state, query.limit);
    return { items: await this.lifecycle.views(rows) };
  }

  async get(id: string, user: AuthUser, scope: Scope): Promise<WorkOrderView> {
    return this.lifecycle.view(await this.found(id, user, scope));
  }

  /**
   * One step of the visit. A `clientId` seen before on this order answers the order as it
   * is (a phone replaying its queue); `at` is kept as the time of the change.
   */
  async transition(
    id: string,
    request: WorkOrderTransitionRequest,
    user: AuthUser,
    scope: Scope,
  ): Promise<WorkOrderView> {
    const row = await this.found(id, user, scope);
    if (request.clientId !== undefined && (await this.repository.clientIdSeen(id, request.clientId)))
      return this.lifecycle.view(row);
    const actor = this.actorKind(user, row);
    const reason = checkedReason(request);
    const at = this.checkedAt(request.at);
    const problem = illegalTransition(row.state, request.to, actor);
    if (problem !== undefined) throw new ConflictError(`work order ${id}: ${problem}`);
    const move: Move = {
      to: request.to,
      actor: user.username,
      ...(at === undefined ? {} : { at }),
      ...(reason === undefined ? {} : { reason }),
      ...(request.clientId === undefined ? {} : { clientId: request.clientId }),
      change: changeFor(request.to, row, reason, at ?? this.lifecycle.now()),
    };
    const after = await this.moved(
      id,
      this.replayable(request, () => this.lifecycle.move(row, move)),
    );
    if (after.state !== 'rejected') return after;
    // Back to the pool: the next technician, or `new` for support to see.
    const rejected = await this.repository.get(id, 'all');
    return (rejected && (await this.assigner.assignBest(rejected))) ?? after;
  }

  /** Support hands the order to a technician of its region. */
  async assign(id: string, assignee: string, user: AuthUser, scope: Scope): Promise<WorkOrderView> {
    const row = await this.found(id, user, scope);
    if (user.role !== 'support' && user.role !== 'admin')
      throw new ForbiddenError('only support assigns work orders');
    const problem = illegalTransition(row.state, 'assigned', 'support');
    if (problem !== undefined) throw new ConflictError(`work order ${id}: ${problem}`);
    if (row.assignee === assignee && row.state === 'assigned')
      throw new ConflictError(`work order ${id} is already assigned to ${row.assignee_name ?? assignee}`);
    return this.moved(id, this.assigner.assignTo(row, assignee, user.username));
  }

  /** Technicians move only their own orders; account managers only read. */
  private actorKind(user: AuthUser, row: WorkOrderRow): TransitionActor {
    switch (user.role) {
      case 'admin':
      case 'support':
        return 'support';
      case 'technician':
        if (row.assignee !== user.id) throw new ForbiddenError(`work order ${row.id} is not assigned to you`);
        return 'technician';
      case 'account_manager':
        throw new ForbiddenError('account managers can read work orders, not change them');
    }
  }

  private checkedAt(at: string | undefined): Date | undefined {
    if (at === undefined) return undefined;
    const when = new Date(at);
    if (when.getTime() > this.lifecycle.now().getTime() + MAX_CLOCK_AHEAD_MS)
      throw new ValidationError([{ field: 'at', message: 'is in the future; check the phone’s clock' }]);
    return when;
  }

  /** Two replays of one `clientId` racing: the loser's unique violation answers like a replay. */
  private async replayable(
    request: WorkOrderTransitionRequest,
    work: () => Promise<WorkOrderView | undefined>,
  ): Promise<WorkOrderView | undefined> {
    try {
      return await work();
    } catch (error) {
      if (request.clientId === undefined || (error as { code?: string }).code !== '23505') throw error;
      return undefined;
    }
  }

  private async moved(id: string, result: Promise<WorkOrderView | undefined>): Promise<WorkOrderView> {
    const view = await result;
    if (view === undefined) throw new ConflictError(`work order ${id} changed meanwhile; reload it`);
    return view;
  }

  /** Outside the scope answers exactly like missing, so ids leak nothing. */
  private async found(id: string, user: AuthUser, scope: Scope): Promise<WorkOrderRow> {
    const row = await this.repository.get(id, viewerOf(user, scope));
    if (row === undefined) throw new NotFoundError(`work order ${id} not found`);
    return row;
  }
}

export function viewerOf(user: AuthUser, scope: Scope): DispatchViewer {
  return { scope, userId: user.id };
}

/** Refusing, failing and cancelling say why; a failed visit with one of the reason codes. */
function checkedReason(request: WorkOrderTransitionRequest): string | undefined {
  const reason = request.reason?.trim();
  const needed = request.to === 'rejected' || request.to === 'cannot_complete' || request.to === 'cancelled';
  if (needed && (reason === undefined || reason === ''))
    throw new ValidationError([{ field: 'reason', message: `is required to go to ${request.to}` }]);
  if (request.to === 'cannot_complete') {
    const code = reason!.split(':')[0]!.trim();
    if (!(CANNOT_COMPLETE_REASONS as readonly string[]).includes(code))
      throw new ValidationError([
        { field: 'reason', message: `must start with one of ${CANNOT_COMPLETE_REASONS.join(', ')}` },
      ]);
  }
  return reason === '' ? undefined : reason;
}

function changeFor(to: string, row: WorkOrderRow, reason: string | undefined, at: Date): Move['change'] {
  switch (to) {
    case 'rejected':
      return { reason: reason ?? null, ...(row.assignee === null ? {} : { rejectedBy: row.assignee }) };
    case 'resolved':
      return { resolvedAt: at, confirmation: 'pending', reason: null };
    case 'cannot_complete':
    case 'cancelled':
      return { reason: reason ?? null };
    default:
      return {};
  }
}
