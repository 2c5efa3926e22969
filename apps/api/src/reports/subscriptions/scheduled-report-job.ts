import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEFAULT_REPORT_TIME_ZONE } from '@fleet/telemetry/api/reports';
import { scopeFor } from '../../auth/scope/scope';
import { startRepeating } from '../../common/jobs/repeating-run';
import { OutboxRepository } from '../../notifications/outbox.repository';
import { resolvePeriod } from '../period/report-period';
import { isTimeZone } from '../period/zoned-time';
import { REPORT_CLOCK, type ReportClock } from '../report-clock';
import { ReportArchiveRepository } from './report-archive.repository';
import { ReportFilesRenderer } from './report-files';
import { reportMail } from './report-mail';
import { latestDuePeriod, type ScheduledPeriod } from './report-schedule';
import { ReportSubscriptionsRepository, type ScheduledSubscription } from './report-subscriptions.repository';
import { SCHEDULED_REPORT_OPTIONS, type ScheduledReportOptions } from './scheduled-report-options';

/**
 * The repeating pass that makes due subscription reports: for each subscription, the latest
 * period whose 08:00 has come (so a process that was down catches up when it starts), claimed
 * in the archive, rendered, stored, and mailed through the outbox with the files attached.
 * Exactly once per period rests on the archive's unique key, not on this process: any number
 * of processes may run the pass at once.
 */
@Injectable()
export class ScheduledReportJob {
  private readonly logger = new Logger('ScheduledReports');
  private repeating: { stop(): Promise<void> } | undefined;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly subscriptions: ReportSubscriptionsRepository,
    private readonly archive: ReportArchiveRepository,
    private readonly renderer: ReportFilesRenderer,
    private readonly outbox: OutboxRepository,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
    @Inject(SCHEDULED_REPORT_OPTIONS) private readonly options: ScheduledReportOptions,
  ) {}

  /** One pass, after any pass of this process still running; how many reports it made. */
  runOnce(): Promise<number> {
    const run = this.last.then(() => this.pass());
    this.last = run.catch(() => undefined);
    return run;
  }

  start(): void {
    this.repeating ??= startRepeating(
      () => this.runOnce(),
      this.options.intervalMs,
      (error) => this.logger.error(`scheduled reports: pass failed: ${error.message}`),
    );
  }

  async stop(): Promise<void> {
    await this.repeating?.stop();
    this.repeating = undefined;
    await this.last;
  }

  private async pass(): Promise<number> {
    const now = this.clock();
    let made = 0;
    for (const subscription of await this.subscriptions.scheduled()) {
      const zone = isTimeZone(subscription.timeZone) ? subscription.timeZone : DEFAULT_REPORT_TIME_ZONE;
      const due = latestDuePeriod(subscription.cadence, zone, now);
      // A period whose hour passed before the subscription existed is not owed to it.
      if (due.runAt < subscription.created_at.getTime()) continue;
      if (subscription.lastPeriodStart !== null && subscription.lastPeriodStart >= due.from) continue;
      try {
        if (await this.make(subscription, zone, due, now)) made += 1;
      } catch (error) {
        // Left claimed: once the lease runs out a later pass (here or elsewhere) tries again.
        this.logger.error(
          `scheduled reports: ${subscription.cadence} ${due.from} for user ${subscription.user_id} failed: ${(error as Error).message}`,
        );
      }
    }
    return made;
  }

  /** True when this process made (or finished) the report. */
  private async make(
    subscription: ScheduledSubscription,
    timeZone: string,
    due: ScheduledPeriod,
    now: number,
  ): Promise<boolean> {
    const locale = subscription.locale ?? subscription.userLocale;
    const claim = await this.archive.claim(
      {
        userId: subscription.user_id,
        subscriptionId: subscription.id,
        cadence: subscription.cadence,
        from: due.from,
        to: due.to,
        timeZone,
        locale,
      },
      new Date(now),
      this.options.leaseMs,
    );
    if (!claim) return false;
    if (!claim.rendered) {
      const scope = scopeFor({
        role: subscription.role,
        regions: subscription.regions,
        merchantIds: subscription.userMerchantIds,
      });
      const files = await this.renderer.render(
        { scope, merchantIds: subscription.merchant_ids ?? undefined },
        resolvePeriod(due.from, due.to, timeZone),
        locale,
        subscription.attach_csv,
      );
      await this.archive.storeFiles(claim.id, files.pdf, files.csv, new Date(this.clock()));
    }
    if (subscription.email !== null) {
      await this.outbox.enqueue(
        {
          recipientUserId: subscription.user_id,
          channel: 'email',
          address: subscription.email,
          // A maker that died after enqueueing enqueues the same key again: one mail.
          idempotencyKey: `report:${claim.id}`,
          ...reportMail(subscription.cadence, locale, due.from, due.to, timeZone),
          payload: { reportArchiveId: claim.id },
          attachmentArchiveId: claim.id,
        },
        new Date(now),
      );
    }
    await this.archive.markReady(claim.id);
    return true;
  }
}
