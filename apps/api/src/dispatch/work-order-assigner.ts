import { Inject, Injectable } from '@nestjs/common';
import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { ValidationError } from '../common/errors/domain-error';
import { DISPATCH_OPTIONS, type DispatchOptions } from './dispatch-options';
import { isEligible, rankTechnicians, type VisitNeeds } from './technician-assignment';
import { TechniciansRepository } from './technicians.repository';
import { SYSTEM_ACTOR, WorkOrderLifecycle } from './work-order-lifecycle';
import type { WorkOrderRow } from './work-orders.repository';

/**
 * Who does the visit: the best eligible technician of the terminal's region (skills,
 * load, distance; technician-assignment.ts), or support's own choice. Nobody eligible:
 * the order stays `new` (a rejected one goes back there), visible to support.
 */
@Injectable()
export class WorkOrderAssigner {
  constructor(
    private readonly technicians: TechniciansRepository,
    private readonly lifecycle: WorkOrderLifecycle,
    @Inject(DISPATCH_OPTIONS) private readonly options: DispatchOptions,
  ) {}

  /** For an order in `new` or `rejected`: the best technician, or back to `new`. */
  async assignBest(row: WorkOrderRow): Promise<WorkOrderView | undefined> {
    const best = row.region === null ? undefined : await this.best(row);
    if (best !== undefined) {
      return this.lifecycle.move(row, { to: 'assigned', actor: SYSTEM_ACTOR, change: { assignee: best } });
    }
    if (row.state !== 'rejected') return undefined;
    return this.lifecycle.move(row, {
      to: 'new',
      actor: SYSTEM_ACTOR,
      reason: 'no eligible technician',
      change: { assignee: null },
    });
  }

  /** Support's choice: an enabled technician of the terminal's region who knows the terminal. */
  async assignTo(row: WorkOrderRow, assignee: string, actor: string): Promise<WorkOrderView | undefined> {
    await this.requireEligible(needsOf(row), assignee);
    return this.lifecycle.move(row, {
      to: 'assigned',
      actor,
      reason: row.assignee === null ? undefined : `reassigned from ${row.assignee_name ?? row.assignee}`,
      change: { assignee },
    });
  }

  /** 400 naming `assignee` unless they could take the visit; support may exceed the load cap. */
  async requireEligible(needs: VisitNeeds, assignee: string): Promise<void> {
    const [technician] = await this.technicians.candidates({ id: assignee });
    const relaxed = { ...this.options.assignment, maxActiveOrders: Number.POSITIVE_INFINITY };
    if (technician !== undefined && isEligible(technician, needs, relaxed)) return;
    throw new ValidationError([
      {
        field: 'assignee',
        message: `not an enabled technician of region ${needs.region ?? '(none)'} who services this terminal`,
      },
    ]);
  }

  private async best(row: WorkOrderRow): Promise<string | undefined> {
    const candidates = await this.technicians.candidates({ region: row.region! });
    const ranked = rankTechnicians(
      candidates,
      needsOf(row),
      this.options.assignment,
      new Set(row.rejected_by),
    );
    return ranked[0]?.technician.id;
  }
}

function needsOf(row: WorkOrderRow): VisitNeeds {
  return { kind: row.kind, region: row.region, model: row.model, comm: row.comm, lat: row.lat, lon: row.lon };
}
