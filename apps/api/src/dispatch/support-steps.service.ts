import { Inject, Injectable } from '@nestjs/common';
import type { SupportStepRequest, SupportStepView } from '@fleet/telemetry/api/work-orders';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import { AlertsService } from '../alerts/alerts.service';
import { AuditService } from '../audit/audit.service';
import type { Scope } from '../auth/scope/scope';
import { ConflictError, NotFoundError } from '../common/errors/domain-error';
import { RISK_OPTIONS, type RiskOptions } from '../risk/risk-options';
import { DispatchEngine } from './dispatch-engine';
import { SupportStepsRepository, type SupportStepRow } from './support-steps.repository';

/** Records support's steps on a live terminal alert, then lets the dispatch policy look again. */
@Injectable()
export class SupportStepsService {
  constructor(
    private readonly repository: SupportStepsRepository,
    private readonly alerts: AlertsService,
    private readonly audit: AuditService,
    private readonly engine: DispatchEngine,
    @Inject(RISK_OPTIONS) private readonly clock: Pick<RiskOptions, 'now'>,
  ) {}

  async record(
    alertId: string,
    request: SupportStepRequest,
    by: string,
    scope: Scope,
  ): Promise<SupportStepView> {
    const alert = await this.terminalAlert(alertId, scope);
    if (alert.state === 'resolved')
      throw new ConflictError(`alert ${alertId} is resolved; nothing to follow up`);
    const row = await this.repository.insert({
      alert_id: alertId,
      terminal_id: alert.terminalId!,
      kind: request.step,
      note: request.note ?? null,
      at: new Date(this.clock.now()),
      actor: by,
    });
    await this.audit.record(by, `alert.${request.step}`, alertId, {
      terminalId: alert.terminalId,
      ...(request.note === undefined ? {} : { note: request.note }),
    });
    await this.engine.evaluate();
    return stepView(row);
  }

  async list(alertId: string, scope: Scope): Promise<{ items: SupportStepView[] }> {
    await this.terminalAlert(alertId, scope);
    return { items: (await this.repository.ofAlert(alertId)).map(stepView) };
  }

  private async terminalAlert(alertId: string, scope: Scope): Promise<AlertView> {
    const alert = await this.alerts.get(alertId, scope).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (alert === undefined || alert.terminalId === undefined)
      throw new NotFoundError(`terminal alert ${alertId} not found`);
    return alert;
  }
}

function stepView(row: SupportStepRow): SupportStepView {
  return {
    id: row.id,
    alertId: row.alert_id,
    terminalId: row.terminal_id,
    step: row.kind,
    at: new Date(row.at).toISOString(),
    by: row.actor,
    ...(row.note === null ? {} : { note: row.note }),
  };
}
