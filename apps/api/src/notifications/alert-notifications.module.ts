import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { RiskModule } from '../risk/risk.module';
import { AlertRouting } from './alert-routing';
import { AlertEscalator } from './escalation/alert-escalator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ESCALATION_POLICY, escalationPolicyFrom } from './escalation/escalation-policy';
import { EscalationRepository } from './escalation/escalation.repository';
import { NotificationWorker } from './notification-worker';
import { NotificationsModule } from './notifications.module';

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
  imports: [AlertsModule, NotificationsModule, RiskModule],
  providers: [
    {
      provide: ESCALATION_POLICY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => escalationPolicyFrom(config),
    },
    AlertRouting,
    EscalationRepository,
    AlertEscalator,
    EscalationTick,
  ],
})
export class AlertNotificationsModule {}
