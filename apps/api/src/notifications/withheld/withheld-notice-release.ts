import { Injectable, Logger } from '@nestjs/common';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import { AlertsService } from '../../alerts/alerts.service';
import { NotFoundError } from '../../common/errors/domain-error';
import { AlertNotifier } from '../alert-notifier';
import { toNotifiable } from '../alert-routing';
import { AlertRecipients } from '../routing/alert-recipients';
import { WithheldNoticesRepository, type WithheldNotice } from './withheld-notices.repository';

const ALL = { kind: 'all' } as const;

/**
 * Alertmanager's rule for a silence that ends: an alert opened while silenced (or inside a
 * maintenance window) and still open, unacknowledged, when the silence or window ends is
 * told then, once, to whom the routing rules name. One acknowledged or resolved meanwhile is not:
 * somebody took it, or it is over. Runs on the notification worker's tick, on the alerts'
 * clock (AlertsService judges `silenced`).
 */
@Injectable()
export class WithheldNoticeRelease {
  private readonly logger = new Logger('AlertRouting');

  constructor(
    private readonly withheld: WithheldNoticesRepository,
    private readonly alerts: AlertsService,
    private readonly recipients: AlertRecipients,
    private readonly notifier: AlertNotifier,
  ) {}

  /** For the worker's tick: failures are logged, never thrown. */
  async tick(): Promise<void> {
    try {
      await this.releaseEnded();
    } catch (error) {
      this.logger.error(`releasing held-back notices failed: ${(error as Error).message}`);
    }
  }

  /** Tells every held-back opening whose silence ended; returns how many were told. */
  async releaseEnded(): Promise<number> {
    let told = 0;
    for (const notice of await this.withheld.all()) {
      const alert = await this.current(notice.alertId);
      if (alert === undefined || alert.state !== 'open') {
        await this.withheld.drop(notice.alertId);
        continue;
      }
      if (alert.silenced === true) continue;
      if (await this.tell(alert, notice)) told += 1;
    }
    return told;
  }

  private async tell(alert: AlertView, held: WithheldNotice): Promise<boolean> {
    const notice = toNotifiable({ kind: held.change, alert });
    if (!notice) return false;
    const recipients = await this.recipients.of(alert);
    await this.notifier.notify(recipients, { ...notice, changedAt: held.changedAt }, alert.id);
    return recipients.length > 0;
  }

  private async current(id: string): Promise<AlertView | undefined> {
    try {
      return await this.alerts.get(id, ALL);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}
