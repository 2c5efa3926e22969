import { Module } from '@nestjs/common';
import { InboxController } from './inbox/inbox.controller';
import { NotificationsModule } from './notifications.module';
import { PreferencesController } from './preferences/preferences.controller';

/** The HTTP side of notifications: each user's inbox and preferences (needs AuditModule and auth). */
@Module({
  imports: [NotificationsModule],
  controllers: [InboxController, PreferencesController],
})
export class NotificationsApiModule {}
