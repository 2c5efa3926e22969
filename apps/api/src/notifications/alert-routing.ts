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
  /** Changes not yet routed: those of one tick (a wave of new alerts) go out as one batch. */
  private waiting: AlertChange[] = [];
  private routing: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: AlertEvents,
    private readonly recipients: AlertRecipients,
    private readonly notifier: AlertNotifier,
    private readonly withheld: WithheldNoticesRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.events.onChanged((change) => this.enqueue(change));
  }

  /** Stops listening and routes what was already told, so no change is dropped at shutdown. */
  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.routing;
  }

  private enqueue(change: AlertChange): void {
    this.waiting.push(change);
    if (this.waiting.length > 1) return;
    // One batch at a time, in the order told; what arrives meanwhile is the next batch.
    this.routing = this.routing.then(() =>
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.routeWaiting()),
    );
  }

  private async routeWaiting(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      for (const change of batch.filter((c) => c.alert.silenced === true)) await this.withhold(change);
      const told = batch.flatMap((change) => {
        const alert = change.alert.silenced === true ? undefined : toNotifiable(change);
        return alert === undefined ? [] : [{ change, alert }];
      });
      const routed = told.filter(({ change }) => change.kind !== 'assigned');
      const recipients = await this.recipients.ofMany(routed.map(({ change }) => change.alert));
      const byChange = new Map(routed.map(({ change }, i) => [change, recipients[i]!]));
      const notices = told
        .map(({ change, alert }) => ({ alert, recipients: byChange.get(change) ?? assigneeOf(change) }))
        .filter((notice) => notice.recipients.length > 0);
      if (notices.length > 0) await this.notifier.notifyMany(notices);
    } catch (error) {
      const ids = batch.map((change) => change.alert.id);
      this.logger.error(
        `routing ${ids.length} alert changes failed (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}): ${(error as Error).message}`,
      );
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

/** An assignment is told to the new assignee only. */
function assigneeOf(change: AlertChange): AlertRecipient[] {
  return change.alert.assignee ? [{ kind: 'user', userId: change.alert.assignee }] : [];
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
