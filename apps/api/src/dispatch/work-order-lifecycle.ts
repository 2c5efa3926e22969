import { Inject, Injectable, Logger } from '@nestjs/common';
import type { WorkOrderChangeKind, WorkOrderState, WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { AuditService } from '../audit/audit.service';
import { RISK_OPTIONS, type RiskOptions } from '../risk/risk-options';
import { DISPATCH_OPTIONS, type DispatchOptions } from './dispatch-options';
import type { DispatchNoticeKind } from './dispatch-messages';
import { DispatchNotifier } from './dispatch-notifier';
import { WorkOrderEvents } from './work-order-events';
import { workOrderView } from './work-order-view';
import {
  WorkOrdersRepository,
  type NewWorkOrder,
  type StateChange,
  type WorkOrderRow,
} from './work-orders.repository';

export const SYSTEM_ACTOR = 'system';

export interface Move {
  to: WorkOrderState;
  actor: string;
  /** When it happened (the technician's time for a replayed change); now when unset. */
  at?: Date;
  reason?: string;
  clientId?: string;
  change?: Omit<StateChange, 'to'>;
}

/**
 * Every change of a work order goes through here: the row and its transition in one
 * transaction, then the audit entry (`work_order.<state>`), the socket feed and the
 * assigned technician's notice. Returns the order after the change, or undefined when
 * its state no longer allowed it (someone else was first). Time is the alerts' clock.
 */
@Injectable()
export class WorkOrderLifecycle {
  private readonly logger = new Logger('WorkOrders');

  constructor(
    private readonly repository: WorkOrdersRepository,
    private readonly audit: AuditService,
    private readonly events: WorkOrderEvents,
    private readonly notifier: DispatchNotifier,
    @Inject(RISK_OPTIONS) private readonly clock: Pick<RiskOptions, 'now'>,
    @Inject(DISPATCH_OPTIONS) private readonly options: DispatchOptions,
  ) {}

  now(): Date {
    return new Date(this.clock.now());
  }

  /** The new order (state `new`), or undefined when its alert's open period already has one. */
  async create(order: NewWorkOrder): Promise<WorkOrderRow | undefined> {
    const id = await this.repository.transaction((trx) => this.repository.insert(trx, order));
    if (id === undefined) return undefined;
    await this.audit.record(order.createdBy, 'work_order.created', id, {
      terminalId: order.terminalId,
      code: order.code,
      kind: order.kind,
      priority: order.priority,
      ...(order.alertId === undefined ? {} : { alertId: order.alertId }),
    });
    const row = await this.repository.get(id, 'all');
    if (row !== undefined) this.events.emit({ kind: 'created', workOrder: await this.view(row) });
    return row;
  }

  async move(row: WorkOrderRow, move: Move): Promise<WorkOrderView | undefined> {
    const recordedAt = this.now();
    const at = move.at ?? recordedAt;
    const changed = await this.repository.transaction(async (trx) => {
      const change = { ...move.change, to: move.to };
      if (!(await this.repository.changeState(trx, row.id, row.state, change, recordedAt))) return false;
      await this.repository.addTransition(trx, {
        workOrderId: row.id,
        from: row.state,
        to: move.to,
        at,
        recordedAt,
        actor: move.actor,
        ...(move.reason === undefined ? {} : { reason: move.reason }),
        ...(move.clientId === undefined ? {} : { clientId: move.clientId }),
      });
      return true;
    });
    if (!changed) return undefined;
    const after = await this.repository.get(row.id, 'all');
    if (after === undefined) return undefined;
    await this.audit.record(move.actor, `work_order.${move.to}`, row.id, {
      from: row.state,
      at: at.toISOString(),
      ...(move.reason === undefined ? {} : { reason: move.reason }),
      ...(after.assignee === null ? {} : { assignee: after.assignee }),
    });
    const view = await this.view(after);
    const kind: WorkOrderChangeKind = move.to === 'assigned' ? 'assigned' : 'transitioned';
    this.events.emit({ kind, workOrder: view });
    await this.tell(row, after, view);
    return view;
  }

  /** Tells the socket of a change that is not a transition (SLA, confirmation). */
  async announce(row: WorkOrderRow, kind: WorkOrderChangeKind): Promise<WorkOrderView> {
    const view = await this.view(row);
    this.events.emit({ kind, workOrder: view });
    return view;
  }

  async notify(userIds: readonly string[], kind: DispatchNoticeKind, view: WorkOrderView): Promise<void> {
    try {
      await this.notifier.notify(userIds, kind, view, this.now());
    } catch (error) {
      // The change is committed; a notice that could not be queued is logged, not undone.
      this.logger.error(`work order ${view.id}: ${kind} notice failed: ${(error as Error).message}`);
    }
  }

  async view(row: WorkOrderRow): Promise<WorkOrderView> {
    const transitions = await this.repository.transitions([row.id]);
    return workOrderView(row, transitions, this.clock.now(), this.options.sla);
  }

  async views(rows: readonly WorkOrderRow[]): Promise<WorkOrderView[]> {
    const transitions = await this.repository.transitions(rows.map((row) => row.id));
    const now = this.clock.now();
    return rows.map((row) =>
      workOrderView(
        row,
        transitions.filter((t) => t.work_order_id === row.id),
        now,
        this.options.sla,
      ),
    );
  }

  /** The new assignee learns of the job; one who lost it (reassigned, cancelled) of that. */
  private async tell(before: WorkOrderRow, after: WorkOrderRow, view: WorkOrderView): Promise<void> {
    if (after.state === 'assigned' && after.assignee !== null)
      await this.notify([after.assignee], 'assigned', view);
    const lost =
      before.assignee !== null &&
      before.state !== 'rejected' &&
      (after.assignee !== before.assignee || after.state === 'cancelled');
    if (lost) await this.notify([before.assignee!], 'withdrawn', view);
  }
}
