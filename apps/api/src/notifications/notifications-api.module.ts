import { Module } from '@nestjs/common';
import { InboxController } from './inbox/inbox.controller';
import { NotificationsModule } from './notifications.module';
import { PreferencesController } from './preferences/preferences.controller';
import { AlertRulesApiModule } from './routing/alert-rules-api.module';

/** The HTTP side of notifications: each user's inbox and preferences, the routing rules (needs AuditModule and auth). */
@Module({
  imports: [NotificationsModule, AlertRulesApiModule],
  controllers: [InboxController, PreferencesController],
})
export class NotificationsApiModule {}
