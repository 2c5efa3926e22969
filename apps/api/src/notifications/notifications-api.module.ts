import { Module } from '@nestjs/common';
import { InboxController } from './inbox/inbox.controller';
import { NotificationsModule } from './notifications.module';
import { PreferencesController } from './preferences/preferences.controller';
import { PushController } from './push/push.controller';
import { QuietHoursController } from './preferences/quiet-hours.controller';
import { QuietHoursRepository } from './preferences/quiet-hours.repository';
import { AlertRulesApiModule } from './routing/alert-rules-api.module';

/**
 * The HTTP side of notifications: each user's inbox, preferences, quiet hours and push
 * subscriptions, the routing rules (needs AuditModule and auth).
 */
@Module({
  imports: [NotificationsModule, AlertRulesApiModule],
  controllers: [InboxController, PreferencesController, QuietHoursController, PushController],
  providers: [QuietHoursRepository],
})
export class NotificationsApiModule {}
