import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  notificationPreferencesSchema,
  type NotificationPreferences,
} from '@fleet/telemetry/api/notifications';
import { AuditService } from '../../audit/audit.service';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import type { AuthUser } from '../../auth/users/role';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { NOTIFICATION_CLOCK, type Clock } from '../notification-options';
import { PreferencesRepository } from './preferences.repository';

/** The caller's own notification preferences: every signed-in user, nobody else's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('users/me/notification-preferences')
export class PreferencesController {
  constructor(
    private readonly preferences: PreferencesRepository,
    private readonly audit: AuditService,
    @Inject(NOTIFICATION_CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'NotificationPreferences: {email, sms, in_app: {enabled, minSeverity}}' })
  get(@CurrentUser() user: AuthUser): Promise<NotificationPreferences> {
    return this.preferences.of(user.id);
  }

  /** Replaces all three channels; in_app still receives critical alerts when turned off. */
  @Put()
  @ApiOkResponse({ description: 'the preferences saved' })
  @ApiBadRequestResponse({ description: 'a channel missing, unknown or malformed (the field is named)' })
  async put(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<NotificationPreferences> {
    const preferences = parseOrThrow(notificationPreferencesSchema, body);
    await this.preferences.save(user.id, preferences, new Date(this.clock.now()));
    await this.audit.record(user.username, 'notification_preferences.update', `user:${user.id}`, preferences);
    return preferences;
  }
}
