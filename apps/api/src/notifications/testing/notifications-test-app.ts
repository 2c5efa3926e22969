import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { ConfigModule } from '../../app/config.module';
import { loadConfig } from '../../config/app-config';
import { configuredChannels } from '../channels/configured-channels';
import { NOTIFICATION_CHANNELS_TOKEN } from '../channels/notification-channel';
import { DATABASE, type Database } from '../../storage/database';
import { StorageModule } from '../../storage/storage.module';
import { AlertNotifier } from '../alert-notifier';
import {
  DEFAULT_NOTIFICATION_OPTIONS,
  NOTIFICATION_CLOCK,
  NOTIFICATION_OPTIONS,
  type Clock,
  type NotificationOptions,
} from '../notification-options';
import { NotificationsModule } from '../notifications.module';
import { NotificationWorker } from '../notification-worker';
import { OutboxRepository } from '../outbox.repository';

export interface NotificationsTestAppOptions {
  /** Environment for loadConfig: SMTP_URL, NOTIFY_FROM, NOTIFY_WEBHOOK_SECRET, DATABASE_URL or DATA_DIR. */
  env: NodeJS.ProcessEnv;
  /** A database the test opened; unset: the real StorageModule opens the one env names. */
  database?: Database;
  clock?: Clock;
  options?: Partial<NotificationOptions>;
}

export interface NotificationsTestApp {
  moduleRef: TestingModule;
  notifier: AlertNotifier;
  worker: NotificationWorker;
  outbox: OutboxRepository;
  database: Database;
  close(): Promise<void>;
}

@Global()
@Module({})
class GivenDatabaseModule {
  static with(database: Database): DynamicModule {
    return {
      module: GivenDatabaseModule,
      providers: [{ provide: DATABASE, useValue: database }],
      exports: [DATABASE],
    };
  }
}

/** NotificationsModule as the app wires it (without the in-app channel), on a real database; the worker waits for runOnce unless autoStart. */
export async function startNotificationsTestApp(
  options: NotificationsTestAppOptions,
): Promise<NotificationsTestApp> {
  const config = loadConfig(options.env);
  let builder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      options.database ? GivenDatabaseModule.with(options.database) : StorageModule,
      NotificationsModule,
    ],
  })
    .overrideProvider(NOTIFICATION_OPTIONS)
    .useValue({ ...DEFAULT_NOTIFICATION_OPTIONS, autoStart: false, ...options.options })
    // The external channels only, so counts are of mails, SMS and webhooks; the inbox has its own specs.
    .overrideProvider(NOTIFICATION_CHANNELS_TOKEN)
    .useValue(configuredChannels(config));
  if (options.clock) builder = builder.overrideProvider(NOTIFICATION_CLOCK).useValue(options.clock);
  const moduleRef = await builder.compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return {
    moduleRef,
    notifier: moduleRef.get(AlertNotifier),
    worker: moduleRef.get(NotificationWorker),
    outbox: moduleRef.get(OutboxRepository),
    database: moduleRef.get(DATABASE),
    close: () => moduleRef.close(),
  };
}
