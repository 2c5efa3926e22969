import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications.module';
import { AlertRecipients } from './alert-recipients';
import { RoutingRulesCache } from './routing-rules.cache';
import { RoutingRulesRepository } from './routing-rules.repository';

/** The routing rules as routing reads them: one cache per process, shared with the rules API. */
@Module({
  imports: [NotificationsModule],
  providers: [RoutingRulesRepository, RoutingRulesCache, AlertRecipients],
  exports: [RoutingRulesRepository, RoutingRulesCache, AlertRecipients],
})
export class RoutingRulesModule {}
