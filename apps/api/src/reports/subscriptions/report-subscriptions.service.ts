import { Inject, Injectable } from '@nestjs/common';
import type {
  ReportCadence,
  ReportSubscription,
  ReportSubscriptionInput,
} from '@fleet/telemetry/api/report-subscriptions';
import { DEFAULT_REPORT_TIME_ZONE } from '@fleet/telemetry/api/reports';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/users/role';
import { NotFoundError } from '../../common/errors/domain-error';
import { isTimeZone } from '../period/zoned-time';
import { REPORT_CLOCK, type ReportClock } from '../report-clock';
import { nextRunAt } from './report-schedule';
import { ReportSubscriptionsRepository, type SubscriptionRow } from './report-subscriptions.repository';
import { SubscriptionMerchants } from './subscription-merchants';
import { UserTimeZoneRepository } from './user-time-zone.repository';

/** The caller's own report subscriptions: listed, saved (audited) and removed (audited). */
@Injectable()
export class ReportSubscriptionsService {
  constructor(
    private readonly subscriptions: ReportSubscriptionsRepository,
    private readonly merchants: SubscriptionMerchants,
    private readonly zones: UserTimeZoneRepository,
    private readonly audit: AuditService,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
  ) {}

  async list(user: AuthUser): Promise<ReportSubscription[]> {
    const zone = await this.zoneOf(user.id);
    return (await this.subscriptions.listOf(user.id)).map((row) => this.view(row, zone));
  }

  async save(
    user: AuthUser,
    cadence: ReportCadence,
    input: ReportSubscriptionInput,
  ): Promise<ReportSubscription> {
    if (input.merchantIds !== null) await this.merchants.check(user, input.merchantIds);
    const row = await this.subscriptions.save(user.id, cadence, input, new Date(this.clock()));
    await this.audit.record(user.username, 'report_subscription.saved', `user:${user.id}`, {
      cadence,
      ...input,
    });
    return this.view(row, await this.zoneOf(user.id));
  }

  async remove(user: AuthUser, cadence: ReportCadence): Promise<void> {
    if (!(await this.subscriptions.remove(user.id, cadence))) {
      throw new NotFoundError(`no ${cadence} report subscription`);
    }
    await this.audit.record(user.username, 'report_subscription.deleted', `user:${user.id}`, { cadence });
  }

  private async zoneOf(userId: string): Promise<string> {
    const stored = await this.zones.of(userId);
    return stored !== undefined && isTimeZone(stored) ? stored : DEFAULT_REPORT_TIME_ZONE;
  }

  private view(row: SubscriptionRow, timeZone: string): ReportSubscription {
    return {
      cadence: row.cadence,
      merchantIds: row.merchant_ids,
      format: 'pdf',
      attachCsv: row.attach_csv,
      locale: row.locale,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      nextRunAt: new Date(nextRunAt(row.cadence, timeZone, this.clock())).toISOString(),
    };
  }
}
