import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { RiskModule } from '../risk/risk.module';
import { AlertRouting } from './alert-routing';
import { AlertEscalator } from './escalation/alert-escalator';
import { DEFAULT_ESCALATION_POLICY, ESCALATION_POLICY } from './escalation/escalation-policy';
import { EscalationRepository } from './escalation/escalation.repository';
import { NotificationWorker } from './notification-worker';
import { NotificationsModule } from './notifications.module';
import { RoutingRulesModule } from './routing/routing-rules.module';

/** Puts the escalation evaluator on the notification worker's tick. */
@Injectable()
class EscalationTick implements OnApplicationBootstrap {
  constructor(
    private readonly worker: NotificationWorker,
    private readonly escalator: AlertEscalator,
  ) {}

  onApplicationBootstrap(): void {
    this.worker.onTick(() => this.escalator.tick());
  }
}

/**
 * Joins the alerts to the notifications: who is told of which change (AlertRouting), and
 * the reminders and escalation steps of alerts nobody acknowledged (AlertEscalator).
 */
@Module({
  imports: [AlertsModule, NotificationsModule, RiskModule, RoutingRulesModule],
  providers: [
    { provide: ESCALATION_POLICY, useValue: DEFAULT_ESCALATION_POLICY },
    AlertRouting,
    EscalationRepository,
    AlertEscalator,
    EscalationTick,
  ],
})
export class AlertNotificationsModule {}
