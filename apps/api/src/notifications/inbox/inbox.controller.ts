import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  markInboxReadSchema,
  type InboxResponse,
  type UnreadCount,
} from '@fleet/telemetry/api/notifications';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import type { AuthUser } from '../../auth/users/role';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { InboxService } from './inbox.service';

const listQuerySchema = z.strictObject({ unread: z.enum(['true', 'false']).optional() });

/** The caller's in-app inbox: every signed-in user, their own items only. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  /** Newest first; `?unread=true` for the unread ones only. */
  @Get()
  @ApiOkResponse({ description: 'InboxResponse: {items: [{id, alertId, title, body, createdAt, readAt}]}' })
  list(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>): Promise<InboxResponse> {
    const { unread } = parseOrThrow(listQuerySchema, query);
    return this.inbox.list(user.id, unread === 'true');
  }

  @Get('unread-count')
  @ApiOkResponse({ description: 'UnreadCount: {unreadCount}' })
  unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCount> {
    return this.inbox.unreadCount(user.id);
  }

  /** Marks the listed items read; ids that are not the caller's change nothing. */
  @Post('read')
  @HttpCode(200)
  @ApiOkResponse({ description: 'UnreadCount after the change' })
  @ApiBadRequestResponse({ description: 'ids missing, empty or not UUIDs (the field is named)' })
  markRead(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<UnreadCount> {
    return this.inbox.markRead(user.id, parseOrThrow(markInboxReadSchema, body).ids);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ description: 'UnreadCount after the change: 0' })
  markAllRead(@CurrentUser() user: AuthUser): Promise<UnreadCount> {
    return this.inbox.markRead(user.id, 'all');
  }
}
