import { Module } from '@nestjs/common';
import { InboxController } from './inbox/inbox.controller';
import { NotificationsModule } from './notifications.module';
import { PreferencesController } from './preferences/preferences.controller';
import { PushController } from './push/push.controller';

/** The HTTP side of notifications: each user's inbox, preferences and push subscriptions (needs AuditModule and auth). */
@Module({
  imports: [NotificationsModule],
  controllers: [InboxController, PreferencesController, PushController],
})
export class NotificationsApiModule {}
