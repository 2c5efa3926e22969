import { Inject, Injectable } from '@nestjs/common';
import type { WorkOrderKind, WorkOrderPart, WorkOrderPriority } from '@fleet/telemetry/api/work-orders';
import { CAUSE_ACTIONS, type CauseCode } from '@fleet/telemetry/causes';
import { DISPATCH_OPTIONS, type DispatchOptions } from './dispatch-options';
import type { DispatchTerminal } from './dispatch-terminals.repository';
import { slaDueAt } from './work-order-sla';
import type { NewWorkOrder } from './work-orders.repository';
import { WorkingCalendar } from './working-calendar';

export interface WorkOrderRequest {
  terminal: DispatchTerminal;
  code: CauseCode;
  kind: WorkOrderKind;
  priority: WorkOrderPriority;
  parts: WorkOrderPart[];
  createdBy: string;
  at: Date;
  evidence?: { text: string; data?: Record<string, number | string> };
  alert?: { id: string; raisedAt: Date };
  note?: string;
}

/** A new order's row: its SLA due time in the merchant's working calendar, its evidence and action. */
@Injectable()
export class WorkOrderFactory {
  constructor(@Inject(DISPATCH_OPTIONS) private readonly options: DispatchOptions) {}

  build(request: WorkOrderRequest): NewWorkOrder {
    const calendar = WorkingCalendar.of(request.terminal.shop_hours, this.options.sla.businessHours);
    const due = slaDueAt(request.priority, request.at.getTime(), calendar, this.options.sla);
    const cause = request.terminal.causes?.find((c) => c.code === request.code);
    const evidence = request.evidence ?? {
      text: cause?.evidence ?? '',
      ...(cause?.evidenceData === undefined ? {} : { data: cause.evidenceData }),
    };
    return {
      terminalId: request.terminal.terminal_id,
      code: request.code,
      kind: request.kind,
      priority: request.priority,
      at: request.at,
      createdBy: request.createdBy,
      slaDueAt: new Date(due),
      parts: request.parts,
      evidence,
      recommendedAction:
        request.kind === 'paper_delivery'
          ? 'Deliver paper rolls to the shop'
          : CAUSE_ACTIONS[request.code].action,
      ...(request.alert === undefined
        ? {}
        : { alertId: request.alert.id, alertRaisedAt: request.alert.raisedAt }),
      ...(request.note === undefined ? {} : { note: request.note }),
    };
  }
}
