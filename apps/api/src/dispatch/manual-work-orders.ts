import { Inject, Injectable } from '@nestjs/common';
import type { createWorkOrderRequestSchema, WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { CAUSE_CODES, type CauseCode } from '@fleet/telemetry/causes';
import type { z } from 'zod';
import { NotFoundError, ValidationError } from '../common/errors/domain-error';
import { DISPATCH_OPTIONS, type DispatchOptions } from './dispatch-options';
import { partsFor } from './dispatch-policy';
import { DispatchTerminalsRepository } from './dispatch-terminals.repository';
import { WorkOrderAssigner } from './work-order-assigner';
import { WorkOrderFactory } from './work-order-factory';
import { WorkOrderLifecycle } from './work-order-lifecycle';

type CreateInput = z.output<typeof createWorkOrderRequestSchema>;

const INCIDENT_CODES: readonly CauseCode[] = ['CARRIER_OUTAGE', 'HOST_MAINTENANCE'];

/**
 * Orders support makes by hand: a repair for any registered terminal (the cause given,
 * else its top cause now, else OFFLINE), or a paper delivery (PAPER_OUT, paper rolls).
 * Assigned like the policy's, or to the technician named.
 */
@Injectable()
export class ManualWorkOrders {
  constructor(
    private readonly terminals: DispatchTerminalsRepository,
    private readonly factory: WorkOrderFactory,
    private readonly lifecycle: WorkOrderLifecycle,
    private readonly assigner: WorkOrderAssigner,
    @Inject(DISPATCH_OPTIONS) private readonly options: DispatchOptions,
  ) {}

  async create(input: CreateInput, by: string): Promise<WorkOrderView> {
    const terminal = await this.terminals.registered(input.terminalId);
    if (terminal === undefined) throw new NotFoundError(`terminal ${input.terminalId} not found`);
    if (terminal.region === null)
      throw new ValidationError([
        { field: 'terminalId', message: 'the terminal has no region to dispatch to' },
      ]);
    const code = input.kind === 'paper_delivery' ? 'PAPER_OUT' : (input.code ?? topCause(terminal.causes));
    if (input.kind === 'paper_delivery' && input.code !== undefined && input.code !== 'PAPER_OUT')
      throw new ValidationError([{ field: 'code', message: 'a paper delivery is for PAPER_OUT' }]);
    if (INCIDENT_CODES.includes(code))
      throw new ValidationError([{ field: 'code', message: `${code} is an incident, not a device fault` }]);
    if (input.assignee !== undefined)
      await this.assigner.requireEligible({ ...terminal, kind: input.kind }, input.assignee);
    const row = await this.lifecycle.create(
      this.factory.build({
        terminal,
        code,
        kind: input.kind,
        priority: input.priority ?? this.options.priorities[code] ?? 'standard',
        parts: input.kind === 'paper_delivery' ? ['paper_rolls'] : partsFor(code),
        createdBy: by,
        at: this.lifecycle.now(),
        ...(input.note === undefined ? {} : { note: input.note }),
      }),
    );
    if (row === undefined) throw new Error('the new work order was not stored');
    const assigned =
      input.assignee === undefined
        ? await this.assigner.assignBest(row)
        : await this.assigner.assignTo(row, input.assignee, by);
    return assigned ?? this.lifecycle.view(row);
  }
}

function topCause(causes: ReadonlyArray<{ code: string }> | null): CauseCode {
  const code = causes?.find(
    (c) =>
      (CAUSE_CODES as readonly string[]).includes(c.code) && !INCIDENT_CODES.includes(c.code as CauseCode),
  )?.code;
  return (code as CauseCode | undefined) ?? 'OFFLINE';
}
