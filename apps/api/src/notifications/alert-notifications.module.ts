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
import { RoutingRulesModule } from './routing/routing-rules.module';
import { WithheldNoticeRelease } from './withheld/withheld-notice-release';
import { WithheldNoticesRepository } from './withheld/withheld-notices.repository';

/** Puts the release of held-back openings and the escalation evaluator on the notification worker's tick. */
@Injectable()
class EscalationTick implements OnApplicationBootstrap {
  constructor(
    private readonly worker: NotificationWorker,
    private readonly escalator: AlertEscalator,
    private readonly release: WithheldNoticeRelease,
  ) {}

  onApplicationBootstrap(): void {
    this.worker.onTick(() => this.release.tick());
    this.worker.onTick(() => this.escalator.tick());
  }
}

/**
 * Joins the alerts to the notifications: who is told of which change (AlertRouting), the
 * openings a silence held back once it ends (WithheldNoticeRelease), and the reminders and
 * escalation steps of alerts nobody acknowledged (AlertEscalator).
 */
@Module({
  imports: [AlertsModule, NotificationsModule, RiskModule, RoutingRulesModule],
  providers: [
    {
      provide: ESCALATION_POLICY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => escalationPolicyFrom(config),
    },
    AlertRouting,
    WithheldNoticesRepository,
    WithheldNoticeRelease,
    EscalationRepository,
    AlertEscalator,
    EscalationTick,
  ],
})
export class AlertNotificationsModule {}
