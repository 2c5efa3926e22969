import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AlertChange } from '@fleet/telemetry/api/alerts';
import { AlertEvents } from '../alerts/alert-events';
import { type AlertRecipient, AlertNotifier } from './alert-notifier';
import type { NotifiableAlert } from './messages/notifiable-alert';
import { AlertRecipients } from './routing/alert-recipients';
import { WithheldNoticesRepository } from './withheld/withheld-notices.repository';

/**
 * Who is told about an alert change: whom the routing rules name (AlertRecipients) when it
 * opens, reopens or resolves; the assignee when assigned. An acknowledgement is not mailed:
 * the alert's page and socket show who took it, and the next notices simply stop. An alert
 * a silence or a maintenance window holds (`silenced`) is listed but told to nobody; its
 * opening is kept, for WithheldNoticeRelease to tell once the silence ends.
 */
@Injectable()
export class AlertRouting implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AlertRouting');
  private unsubscribe?: () => void;

  constructor(
    private readonly events: AlertEvents,
    private readonly recipients: AlertRecipients,
    private readonly notifier: AlertNotifier,
    private readonly withheld: WithheldNoticesRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.events.onChanged((change) => void this.route(change));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async route(change: AlertChange): Promise<void> {
    try {
      if (change.alert.silenced === true) {
        await this.withhold(change);
        return;
      }
      const notice = toNotifiable(change);
      if (!notice) return;
      const recipients: AlertRecipient[] =
        change.kind === 'assigned'
          ? change.alert.assignee
            ? [{ kind: 'user', userId: change.alert.assignee }]
            : []
          : await this.recipients.of(change.alert);
      if (recipients.length > 0) await this.notifier.notify(recipients, notice);
    } catch (error) {
      this.logger.error(`routing alert ${change.alert.id} failed: ${(error as Error).message}`);
    }
  }

  /** A held-back opening is remembered, to be told if the silence ends while the alert is open. */
  private async withhold(change: AlertChange): Promise<void> {
    if (change.kind !== 'opened' && change.kind !== 'reopened') return;
    const notice = toNotifiable(change);
    if (!notice) return;
    await this.withheld.hold({ alertId: change.alert.id, change: change.kind, changedAt: notice.changedAt });
  }
}

/** The alert as the messages need it; undefined for changes that are not mailed. */
export function toNotifiable(change: AlertChange): NotifiableAlert | undefined {
  const { alert } = change;
  const kind = change.kind === 'assigned' ? 'opened' : change.kind;
  if (kind === 'acknowledged') return undefined;
  const changedAt =
    kind === 'resolved' ? alert.resolvedAt : kind === 'reopened' ? alert.lastRaisedAt : alert.openedAt;
  return {
    id: alert.id,
    change: kind,
    changedAt: new Date(changedAt ?? alert.lastRaisedAt),
    code: alert.code,
    severity: alert.severity,
    terminalId: alert.terminalId,
    incidentId: alert.incidentId,
    evidence: alert.evidence,
    ...(alert.evidenceData === undefined ? {} : { evidenceData: alert.evidenceData }),
    recommendedAction: alert.recommendedAction,
    region: alert.region,
    openedAt: new Date(alert.openedAt),
    state: alert.state,
    actor: change.actor,
    note: alert.resolveReason,
    occurrences: alert.occurrences,
  };
}
