import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DISPATCH_OPTIONS, type DispatchOptions } from './dispatch-options';
import { SYSTEM_ACTOR, WorkOrderLifecycle } from './work-order-lifecycle';
import { TechniciansRepository } from './technicians.repository';
import { workOrderView } from './work-order-view';
import { WorkOrdersRepository, type WorkOrderRow } from './work-orders.repository';

const HOUR = 3_600_000;

/**
 * After the visit and against the clock: an order entering `at_risk` is announced on the
 * socket once; an order past its due time is told to support
 * once (its escalation, as level 2 of the alerts' is every support user); a resolved
 * order is `confirmed` once the terminal has reported since with the cause gone, or
 * `still_failing` when `confirmWithinHours` pass without that, and support is told.
 */
@Injectable()
export class WorkOrderFollowUp {
  constructor(
    private readonly orders: WorkOrdersRepository,
    private readonly technicians: TechniciansRepository,
    private readonly lifecycle: WorkOrderLifecycle,
    private readonly audit: AuditService,
    @Inject(DISPATCH_OPTIONS) private readonly options: DispatchOptions,
  ) {}

  async run(now: number): Promise<void> {
    for (const row of await this.orders.activeWithoutSlaWarning()) await this.warnIfAtRisk(row, now);
    for (const row of await this.orders.breachedUnnotified(new Date(now))) await this.breached(row, now);
    for (const row of await this.orders.awaitingConfirmation()) await this.confirm(row, now);
  }

  /** An order entering `at_risk` goes on the socket once, so the board shows it without a reload. */
  private async warnIfAtRisk(row: WorkOrderRow, now: number): Promise<void> {
    if (workOrderView(row, [], now, this.options.sla).slaState !== 'at_risk') return;
    if (!(await this.orders.markAtRiskAnnounced(row.id, new Date(now)))) return;
    await this.lifecycle.announce(row, 'sla');
  }

  private async breached(row: WorkOrderRow, now: number): Promise<void> {
    if (!(await this.orders.markBreachNotified(row.id, new Date(now)))) return;
    await this.audit.record(SYSTEM_ACTOR, 'work_order.sla_breached', row.id, {
      slaDueAt: new Date(row.sla_due_at).toISOString(),
      state: row.state,
    });
    const view = await this.lifecycle.announce(row, 'sla');
    await this.lifecycle.notify(await this.technicians.supportUserIds(), 'sla_breached', view);
  }

  private async confirm(row: WorkOrderRow, now: number): Promise<void> {
    const resolvedAt = new Date(row.resolved_at ?? row.updated_at).getTime();
    const reportedSince = row.last_seen_at !== null && new Date(row.last_seen_at).getTime() > resolvedAt;
    const causeGone = !(row.current_causes ?? []).includes(row.code);
    if (reportedSince && causeGone) return this.settle(row, 'confirmed', now);
    if (now - resolvedAt >= this.options.confirmWithinHours * HOUR)
      return this.settle(row, 'still_failing', now);
  }

  private async settle(
    row: WorkOrderRow,
    outcome: 'confirmed' | 'still_failing',
    now: number,
  ): Promise<void> {
    if (!(await this.orders.setConfirmation(row.id, outcome, new Date(now)))) return;
    await this.audit.record(SYSTEM_ACTOR, `work_order.${outcome}`, row.id, {
      terminalId: row.terminal_id,
      code: row.code,
    });
    const after = await this.orders.get(row.id, 'all');
    if (after === undefined) return;
    const view = await this.lifecycle.announce(after, 'confirmation');
    if (outcome === 'still_failing')
      await this.lifecycle.notify(await this.technicians.supportUserIds(), 'still_failing', view);
  }
}
