import { Module } from '@nestjs/common';
import { RiskModule } from '../risk/risk.module';
import { AlertEngine } from './alert-engine';
import { AlertEvents } from './alert-events';
import { AlertLifecycle } from './alert-lifecycle';
import { ALERT_OPTIONS, DEFAULT_ALERT_OPTIONS } from './alert-options';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

/**
 * Alerts from the risk engine's causes and incidents, and the /alerts API. Exports
 * AlertEvents for the live socket and the notifications. Needs, from global modules:
 * DATABASE (storage) and AuditService.
 */
@Module({
  imports: [RiskModule],
  controllers: [AlertsController],
  providers: [
    { provide: ALERT_OPTIONS, useValue: DEFAULT_ALERT_OPTIONS },
    AlertsRepository,
    AlertEvents,
    AlertLifecycle,
    AlertEngine,
    AlertsService,
  ],
  exports: [AlertEvents, AlertsService],
})
export class AlertsModule {}
