import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { systemClock, type Clock } from '../ingest/clock';
import { AlertNotifier } from './alert-notifier';
import { ArchivedReportAttachments } from './archived-report-attachments';
import { configuredChannels } from './channels/configured-channels';
import { EmailChannel } from './channels/email-channel';
import { InAppChannel } from './channels/in-app-channel';
import { InboxEvents } from './inbox/inbox-events';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxService } from './inbox/inbox.service';
import { NOTIFICATION_CHANNELS_TOKEN, type NotificationChannel } from './channels/notification-channel';
import {
  NOTIFICATION_CLOCK,
  NOTIFICATION_OPTIONS,
  notificationOptionsFrom,
  type NotificationOptions,
} from './notification-options';
import { NotificationWorker } from './notification-worker';
import { GroupingRepository } from './grouping/grouping.repository';
import { OutboxRepository } from './outbox.repository';
import { PreferencesRepository } from './preferences/preferences.repository';
import { RecipientsRepository } from './recipients.repository';
import { InboxEventsModule } from './inbox/inbox-events.module';
import { authDb } from '../auth/auth-tables';
import { DATABASE, type Database } from '../storage/database';
import { PushChannel } from './push/push-channel';
import { PushNotifier } from './push/push-notifier';
import { PushSubscriptionsRepository } from './push/push-subscriptions.repository';
import { loadVapidKeys, VAPID_KEYS, type VapidKeys } from './push/vapid-keys';

/** Starts the worker (with the notifier's flush on each tick) and stops it before the database closes. */
@Injectable()
class NotificationsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly worker: NotificationWorker,
    private readonly notifier: AlertNotifier,
    @Inject(NOTIFICATION_CHANNELS_TOKEN) private readonly channels: NotificationChannel[],
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  onApplicationBootstrap(): void {
    const kinds = this.channels.map((channel) => channel.kind);
    new Logger('Notifications').log(
      `notifications: channels ${kinds.length > 0 ? kinds.join(', ') : 'none configured'}`,
    );
    // On its timer, the worker's flush leaves the inbox notices to be written behind it.
    this.worker.onTick(async (timed) => {
      await this.notifier.flushDue(() => this.worker.wake(), timed);
      if (timed) void this.notifier.idle().then(() => this.worker.wake());
    });
    this.notifier.onGroupDue((at) => this.worker.tickAt(at));
    if (this.options.autoStart) this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    await this.notifier.idle();
    for (const channel of this.channels) if (channel instanceof EmailChannel) channel.close();
  }
}

/**
 * Durable delivery of notifications (issue #12): the outbox, its worker, the channels
 * the configuration turns on, and AlertNotifier for the alerts module to call.
 */
@Module({
  imports: [InboxEventsModule],
  providers: [
    {
      provide: NOTIFICATION_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => notificationOptionsFrom(config),
    },
    { provide: NOTIFICATION_CLOCK, useValue: systemClock },
    {
      provide: VAPID_KEYS,
      inject: [DATABASE, APP_CONFIG],
      useFactory: (database: Database, config: AppConfig) =>
        loadVapidKeys(authDb(database), config.notify.vapidKeys, config.notify.vapidSubject),
    },
    {
      provide: PushChannel,
      inject: [
        PushSubscriptionsRepository,
        OutboxRepository,
        RecipientsRepository,
        VAPID_KEYS,
        APP_CONFIG,
        NOTIFICATION_CLOCK,
      ],
      useFactory: (
        subscriptions: PushSubscriptionsRepository,
        outbox: OutboxRepository,
        recipients: RecipientsRepository,
        vapid: VapidKeys,
        config: AppConfig,
        clock: Clock,
      ) =>
        new PushChannel({
          subscriptions,
          outbox,
          recipients,
          vapid,
          clock,
          smsFallback: config.notify.sms !== undefined,
        }),
    },
    {
      provide: NOTIFICATION_CHANNELS_TOKEN,
      // The inbox and web push are always on: they need nothing outside the database.
      inject: [
        APP_CONFIG,
        InboxRepository,
        InboxEvents,
        NOTIFICATION_CLOCK,
        PushChannel,
        ArchivedReportAttachments,
        OutboxRepository,
      ],
      useFactory: (
        config: AppConfig,
        inbox: InboxRepository,
        events: InboxEvents,
        clock: Clock,
        push: PushChannel,
        attachments: ArchivedReportAttachments,
        outbox: OutboxRepository,
      ) => [...configuredChannels(config, attachments), new InAppChannel(inbox, events, clock, outbox), push],
    },
    ArchivedReportAttachments,
    PushSubscriptionsRepository,
    PushNotifier,
    OutboxRepository,
    GroupingRepository,
    InboxRepository,
    InboxService,
    PreferencesRepository,
    RecipientsRepository,
    NotificationWorker,
    AlertNotifier,
    NotificationsLifecycle,
  ],
  exports: [
    AlertNotifier,
    OutboxRepository,
    NotificationWorker,
    RecipientsRepository,
    InboxService,
    PreferencesRepository,
    NOTIFICATION_CLOCK,
    NOTIFICATION_CHANNELS_TOKEN,
    PushNotifier,
    PushSubscriptionsRepository,
    VAPID_KEYS,
  ],
})
export class NotificationsModule {}
