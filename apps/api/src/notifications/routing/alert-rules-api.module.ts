import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications.module';
import { AlertRulesController } from './alert-rules.controller';
import { AlertRulesService } from './alert-rules.service';
import { RoutingRulesModule } from './routing-rules.module';

/** `/alert-rules` (needs AuditModule and auth); its changes drop the routing's cache. */
@Module({
  imports: [NotificationsModule, RoutingRulesModule],
  controllers: [AlertRulesController],
  providers: [AlertRulesService],
})
export class AlertRulesApiModule {}
