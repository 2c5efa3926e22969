import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateMaintenanceWindowInput,
  CreateSilenceInput,
  MaintenanceWindowsResponse,
  MaintenanceWindowView,
  SilencesResponse,
  SilenceView,
} from '@fleet/telemetry/api/muting';
import { AuditService } from '../../audit/audit.service';
import { NotFoundError, ValidationError } from '../../common/errors/domain-error';
import { RISK_OPTIONS, type RiskOptions } from '../../risk/risk-options';
import { maintenanceWindowView, silenceView } from './muting-views';
import { MutingRepository } from './muting.repository';

/**
 * Silences and maintenance windows as people make, list, expire and delete them; every
 * change audited. Time is the alerts' clock (the risk engine's).
 */
@Injectable()
export class MutingService {
  constructor(
    private readonly repository: MutingRepository,
    private readonly audit: AuditService,
    @Inject(RISK_OPTIONS) private readonly clock: Pick<RiskOptions, 'now'>,
  ) {}

  async silences(): Promise<SilencesResponse> {
    const at = this.clock.now();
    return { items: (await this.repository.silences()).map((row) => silenceView(row, at)) };
  }

  async createSilence(by: string, input: CreateSilenceInput): Promise<SilenceView> {
    const now = new Date(this.clock.now());
    const startsAt = input.startsAt === undefined ? now : new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    // Checked here too: a silence without startsAt starts now, known only to the server.
    if (endsAt <= startsAt)
      throw new ValidationError([{ field: 'endsAt', message: 'must be after startsAt' }]);
    const row = await this.repository.insertSilence({
      id: randomUUID(),
      matchers: input.matchers,
      starts_at: startsAt,
      ends_at: endsAt,
      comment: input.comment,
      created_by: by,
      created_at: now,
    });
    const view = silenceView(row, now.getTime());
    const { matchers, comment } = view;
    await this.audit.record(by, 'silence.created', row.id, {
      matchers,
      startsAt: view.startsAt,
      endsAt: view.endsAt,
      comment,
    });
    return view;
  }

  /** Ends it now (one still to come never starts); an expired one stays as it was. */
  async expireSilence(by: string, id: string): Promise<SilenceView> {
    const now = new Date(this.clock.now());
    const row = await this.repository.expireSilence(id, now);
    if (row === undefined) throw new NotFoundError(`silence ${id} not found`);
    await this.audit.record(by, 'silence.expired', id, { endsAt: new Date(row.ends_at).toISOString() });
    return silenceView(row, now.getTime());
  }

  async windows(): Promise<MaintenanceWindowsResponse> {
    const at = this.clock.now();
    return { items: (await this.repository.windows()).map((row) => maintenanceWindowView(row, at)) };
  }

  async createWindow(by: string, input: CreateMaintenanceWindowInput): Promise<MaintenanceWindowView> {
    const now = this.clock.now();
    const { scope, schedule, comment } = input;
    const row = await this.repository.insertWindow({
      id: randomUUID(),
      scope,
      schedule,
      comment,
      created_by: by,
      created_at: new Date(now),
    });
    await this.audit.record(by, 'maintenance_window.created', row.id, { scope, schedule, comment });
    return maintenanceWindowView(row, now);
  }

  async replaceWindow(
    by: string,
    id: string,
    input: CreateMaintenanceWindowInput,
  ): Promise<MaintenanceWindowView> {
    const { scope, schedule, comment } = input;
    const row = await this.repository.updateWindow(id, { scope, schedule, comment });
    if (row === undefined) throw new NotFoundError(`maintenance window ${id} not found`);
    await this.audit.record(by, 'maintenance_window.updated', id, { scope, schedule, comment });
    return maintenanceWindowView(row, this.clock.now());
  }

  async deleteWindow(by: string, id: string): Promise<MaintenanceWindowView> {
    const row = await this.repository.deleteWindow(id);
    if (row === undefined) throw new NotFoundError(`maintenance window ${id} not found`);
    await this.audit.record(by, 'maintenance_window.deleted', id, {
      scope: row.scope,
      schedule: row.schedule,
    });
    return maintenanceWindowView(row, this.clock.now());
  }
}
