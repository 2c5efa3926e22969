import { Module } from '@nestjs/common';
import { InboxController } from './inbox/inbox.controller';
import { NotificationsModule } from './notifications.module';
import { PreferencesController } from './preferences/preferences.controller';
import { QuietHoursController } from './preferences/quiet-hours.controller';
import { QuietHoursRepository } from './preferences/quiet-hours.repository';
import { AlertRulesApiModule } from './routing/alert-rules-api.module';

/** The HTTP side of notifications: each user's inbox, preferences and quiet hours, the routing rules (needs AuditModule and auth). */
@Module({
  imports: [NotificationsModule, AlertRulesApiModule],
  controllers: [InboxController, PreferencesController, QuietHoursController],
  providers: [QuietHoursRepository],
})
export class NotificationsApiModule {}
