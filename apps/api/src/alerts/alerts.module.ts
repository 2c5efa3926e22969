import { Module } from '@nestjs/common';
import { RiskModule } from '../risk/risk.module';
import { AlertEngine } from './alert-engine';
import { AlertEvents } from './alert-events';
import { AlertLifecycle } from './alert-lifecycle';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ALERT_OPTIONS, alertOptionsFrom } from './alert-options';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { AlertMuting } from './muting/alert-muting';
import { MaintenanceWindowsController } from './muting/maintenance-windows.controller';
import { MutingRepository } from './muting/muting.repository';
import { SilencesController } from './muting/silences.controller';
import { MutingService } from './muting/muting.service';

/**
 * Alerts from the risk engine's causes and incidents, and the /alerts API, with what holds
 * their notifications back (/silences, /maintenance-windows, shop hours). Exports
 * AlertEvents for the live socket and the notifications. Needs, from global modules:
 * DATABASE (storage) and AuditService.
 */
@Module({
  imports: [RiskModule],
  controllers: [AlertsController, SilencesController, MaintenanceWindowsController],
  providers: [
    {
      provide: ALERT_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => alertOptionsFrom(config),
    },
    AlertsRepository,
    AlertEvents,
    AlertLifecycle,
    AlertEngine,
    AlertsService,
    MutingRepository,
    AlertMuting,
    MutingService,
  ],
  exports: [AlertEvents, AlertsService, MutingService],
})
export class AlertsModule {}
