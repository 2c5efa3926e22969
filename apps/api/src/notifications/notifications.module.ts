import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { systemClock } from '../ingest/clock';
import { AlertNotifier } from './alert-notifier';
import { configuredChannels } from './channels/configured-channels';
import { EmailChannel } from './channels/email-channel';
import { NOTIFICATION_CHANNELS_TOKEN, type NotificationChannel } from './channels/notification-channel';
import {
  DEFAULT_NOTIFICATION_OPTIONS,
  NOTIFICATION_CLOCK,
  NOTIFICATION_OPTIONS,
  type NotificationOptions,
} from './notification-options';
import { NotificationWorker } from './notification-worker';
import { OutboxRepository } from './outbox.repository';
import { RecipientsRepository } from './recipients.repository';

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
    this.worker.onTick(async () => {
      await this.notifier.flushDue();
    });
    if (this.options.autoStart) this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    for (const channel of this.channels) if (channel instanceof EmailChannel) channel.close();
  }
}

/**
 * Durable delivery of notifications (issue #12): the outbox, its worker, the channels
 * the configuration turns on, and AlertNotifier for the alerts module to call.
 */
@Module({
  providers: [
    { provide: NOTIFICATION_OPTIONS, useValue: DEFAULT_NOTIFICATION_OPTIONS },
    { provide: NOTIFICATION_CLOCK, useValue: systemClock },
    {
      provide: NOTIFICATION_CHANNELS_TOKEN,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => configuredChannels(config),
    },
    OutboxRepository,
    RecipientsRepository,
    NotificationWorker,
    AlertNotifier,
    NotificationsLifecycle,
  ],
  exports: [AlertNotifier, OutboxRepository, NotificationWorker, RecipientsRepository],
})
export class NotificationsModule {}
