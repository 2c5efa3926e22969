import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DeviceHealthService } from './device-health.service';
import { OutageJob } from './outages/outage-job';
import { OutagesRepository } from './outages/outages.repository';
import { REPORT_CLOCK } from './report-clock';
import { ReportsController } from './reports.controller';
import { ReportRequests } from './report-request';
import { ReportsRepository } from './reports.repository';
import { WorkOrderFiguresSource } from './work-order-figures';
import { WORK_ORDER_SOURCE } from './work-order-source';

const logger = new Logger('Reports');

/** Keeps the outage rollup current while the app runs. */
@Injectable()
class ReportsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(OutageJob) private readonly job: OutageJob) {}

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }
}

/** Device-health reports (issue #14): GET /reports/device-health and the outage rollup behind it. */
@Module({
  controllers: [ReportsController],
  providers: [
    { provide: REPORT_CLOCK, useValue: Date.now },
    { provide: WORK_ORDER_SOURCE, useClass: WorkOrderFiguresSource },
    {
      provide: OutageJob,
      inject: [OutagesRepository],
      useFactory: (outages: OutagesRepository) => new OutageJob(outages, { log: (line) => logger.log(line) }),
    },
    OutagesRepository,
    ReportsRepository,
    DeviceHealthService,
    ReportRequests,
    ReportsLifecycle,
  ],
  exports: [DeviceHealthService, OutageJob, REPORT_CLOCK],
})
export class ReportsModule {}
