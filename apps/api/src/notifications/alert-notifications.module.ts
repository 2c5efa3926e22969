import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AlertRouting } from './alert-routing';
import { NotificationsModule } from './notifications.module';

/** Joins the alerts to the notifications: who is told of which change (AlertRouting). */
@Module({
  imports: [AlertsModule, NotificationsModule],
  providers: [AlertRouting],
})
export class AlertNotificationsModule {}
