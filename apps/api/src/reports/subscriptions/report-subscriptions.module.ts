import {
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module';
import { ReportsModule } from '../reports.module';
import { ReportArchiveController } from './report-archive.controller';
import { ReportArchiveRepository } from './report-archive.repository';
import { ReportFilesRenderer } from './report-files';
import { ReportSubscriptionsController } from './report-subscriptions.controller';
import { ReportSubscriptionsRepository } from './report-subscriptions.repository';
import { ReportSubscriptionsService } from './report-subscriptions.service';
import { ScheduledReportJob } from './scheduled-report-job';
import {
  DEFAULT_SCHEDULED_REPORT_OPTIONS,
  SCHEDULED_REPORT_OPTIONS,
  type ScheduledReportOptions,
} from './scheduled-report-options';
import { SubscriptionMerchants } from './subscription-merchants';
import { TimeZoneController } from './time-zone.controller';
import { UserTimeZoneRepository } from './user-time-zone.repository';

/** Runs the scheduled-report pass while the app runs; it waits for a pass in progress on shutdown. */
@Injectable()
class ScheduledReportsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly job: ScheduledReportJob,
    @Inject(SCHEDULED_REPORT_OPTIONS) private readonly options: ScheduledReportOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.autoStart) this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }
}

/**
 * Scheduled device-health reports (issue #14): the users' weekly and monthly subscriptions,
 * the pass that makes each period's report once and mails it through the notification
 * outbox, the archive to download them again, and the user's own time zone.
 */
@Module({
  imports: [ReportsModule, NotificationsModule],
  controllers: [ReportSubscriptionsController, ReportArchiveController, TimeZoneController],
  providers: [
    { provide: SCHEDULED_REPORT_OPTIONS, useValue: DEFAULT_SCHEDULED_REPORT_OPTIONS },
    ReportSubscriptionsRepository,
    ReportArchiveRepository,
    UserTimeZoneRepository,
    SubscriptionMerchants,
    ReportSubscriptionsService,
    ReportFilesRenderer,
    ScheduledReportJob,
    ScheduledReportsLifecycle,
  ],
  exports: [ScheduledReportJob],
})
export class ReportSubscriptionsModule {}
