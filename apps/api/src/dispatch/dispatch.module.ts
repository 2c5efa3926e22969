import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RiskModule } from '../risk/risk.module';
import { DEFAULT_DISPATCH_OPTIONS, DISPATCH_OPTIONS } from './dispatch-options';
import { DispatchNotifier } from './dispatch-notifier';
import { DispatchTechniciansController } from './dispatch-technicians.controller';
import { DispatchTerminalsRepository } from './dispatch-terminals.repository';
import { ManualWorkOrders } from './manual-work-orders';
import { TechniciansRepository } from './technicians.repository';
import { WorkOrderAssigner } from './work-order-assigner';
import { WorkOrderEventsModule } from './work-order-events.module';
import { WorkOrderFactory } from './work-order-factory';
import { WorkOrderLifecycle } from './work-order-lifecycle';
import { WorkOrdersController } from './work-orders.controller';
import { WorkOrdersRepository } from './work-orders.repository';
import { WorkOrdersService } from './work-orders.service';

/**
 * Field dispatch (issue #13): work orders from alerts by the dispatch policy, assignment,
 * SLA, the technician's transitions, confirmation from telemetry, and the remote-action
 * queue for SIM causes. Its WorkOrderEvents (a global module) feed the live socket. Needs, from global
 * modules: DATABASE (storage) and AuditService.
 */
@Module({
  imports: [RiskModule, AlertsModule, NotificationsModule, WorkOrderEventsModule],
  controllers: [WorkOrdersController, DispatchTechniciansController],
  providers: [
    { provide: DISPATCH_OPTIONS, useValue: DEFAULT_DISPATCH_OPTIONS },
    WorkOrdersRepository,
    TechniciansRepository,
    DispatchTerminalsRepository,
    DispatchNotifier,
    WorkOrderLifecycle,
    WorkOrderAssigner,
    WorkOrderFactory,
    WorkOrdersService,
    ManualWorkOrders,
  ],
  exports: [WorkOrdersService],
})
export class DispatchModule {}
