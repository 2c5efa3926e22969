import { Inject, Injectable } from '@nestjs/common';
import type {
  RemoteActionState,
  RemoteActionView,
  RemoteActionsResponse,
} from '@fleet/telemetry/api/work-orders';
import { AuditService } from '../audit/audit.service';
import type { Scope } from '../auth/scope/scope';
import { ConflictError, NotFoundError } from '../common/errors/domain-error';
import { RISK_OPTIONS, type RiskOptions } from '../risk/risk-options';
import { SYSTEM_ACTOR } from './work-order-lifecycle';
import {
  RemoteActionsRepository,
  type NewRemoteAction,
  type RemoteActionRow,
} from './remote-actions.repository';

/** Support's queue of what is fixed without a visit: open ones made by the policy, marked done by hand. */
@Injectable()
export class RemoteActionsService {
  constructor(
    private readonly repository: RemoteActionsRepository,
    private readonly audit: AuditService,
    @Inject(RISK_OPTIONS) private readonly clock: Pick<RiskOptions, 'now'>,
  ) {}

  /** Queues one for an alert's open period; nothing when it already has one. */
  async open(action: NewRemoteAction): Promise<void> {
    const id = await this.repository.insert(action);
    if (id === undefined) return;
    await this.audit.record(SYSTEM_ACTOR, 'remote_action.created', id, {
      kind: action.kind,
      terminalId: action.terminalId,
      alertId: action.alertId,
    });
  }

  async list(
    scope: Scope,
    state: RemoteActionState | undefined,
    limit: number,
  ): Promise<RemoteActionsResponse> {
    return { items: (await this.repository.list(scope, state, limit)).map(remoteActionView) };
  }

  async markDone(id: string, by: string, note: string | undefined, scope: Scope): Promise<RemoteActionView> {
    const row = await this.repository.get(id, scope);
    if (row === undefined) throw new NotFoundError(`remote action ${id} not found`);
    if (!(await this.repository.markDone(id, by, note ?? null, new Date(this.clock.now()))))
      throw new ConflictError(`remote action ${id} is already done`);
    await this.audit.record(by, 'remote_action.done', id, note === undefined ? {} : { note });
    return remoteActionView((await this.repository.get(id, scope))!);
  }
}

function remoteActionView(row: RemoteActionRow): RemoteActionView {
  const view: RemoteActionView = {
    id: row.id,
    kind: row.kind,
    state: row.state,
    terminalId: row.terminal_id,
    code: row.code,
    alertId: row.alert_id,
    evidence: row.evidence,
    createdAt: new Date(row.created_at).toISOString(),
  };
  if (row.merchant_id !== null) view.merchantId = row.merchant_id;
  if (row.merchant_name !== null) view.merchantName = row.merchant_name;
  if (row.region !== null) view.region = row.region;
  if (row.iccid !== null) view.iccid = row.iccid;
  if (row.mcc_mnc !== null) view.mccMnc = row.mcc_mnc;
  if (row.done_at !== null) view.doneAt = new Date(row.done_at).toISOString();
  if (row.done_by !== null) view.doneBy = row.done_by;
  if (row.note !== null) view.note = row.note;
  return view;
}
