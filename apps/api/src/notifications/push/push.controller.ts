import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  pushSubscriptionRequestSchema,
  pushUnsubscribeRequestSchema,
  type PushSubscriptionView,
  type VapidPublicKey,
} from '@fleet/telemetry/api/push';
import { AuditService } from '../../audit/audit.service';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import type { AuthUser } from '../../auth/users/role';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { NOTIFICATION_CLOCK, type Clock } from '../notification-options';
import { PushSubscriptionsRepository } from './push-subscriptions.repository';
import { VAPID_KEYS, type VapidKeys } from './vapid-keys';

/** Web push for the caller's own browsers: every signed-in user (technicians above all). */
@ApiTags('push')
@ApiBearerAuth()
@Controller('push')
export class PushController {
  constructor(
    private readonly subscriptions: PushSubscriptionsRepository,
    private readonly audit: AuditService,
    @Inject(VAPID_KEYS) private readonly vapid: VapidKeys,
    @Inject(NOTIFICATION_CLOCK) private readonly clock: Clock,
  ) {}

  /** The application server key to pass to `pushManager.subscribe`. */
  @Get('vapid-public-key')
  @ApiOkResponse({ description: 'VapidPublicKey: {publicKey} (base64url, uncompressed P-256)' })
  publicKey(): VapidPublicKey {
    return { publicKey: this.vapid.publicKey };
  }

  /** Saves the browser's subscription for the caller; the same endpoint again updates it. */
  @Post('subscriptions')
  @ApiCreatedResponse({ description: 'PushSubscriptionView: {id, endpoint, createdAt}' })
  @ApiBadRequestResponse({
    description: 'endpoint not an http(s) URL, keys missing or of the wrong length (named)',
  })
  async subscribe(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<PushSubscriptionView> {
    const request = parseOrThrow(pushSubscriptionRequestSchema, body);
    const row = await this.subscriptions.save(
      {
        userId: user.id,
        endpoint: request.endpoint,
        p256dh: request.keys.p256dh,
        auth: request.keys.auth,
        userAgent: userAgent?.slice(0, 300) ?? null,
      },
      new Date(this.clock.now()),
    );
    await this.audit.record(user.username, 'push_subscription.saved', `user:${user.id}`, {
      subscriptionId: row.id,
    });
    return { id: row.id, endpoint: row.endpoint, createdAt: row.created_at.toISOString() };
  }

  /** Forgets the caller's subscription at that endpoint; unknown endpoints change nothing. */
  @Delete('subscriptions')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'removed, or there was nothing to remove' })
  @ApiBadRequestResponse({ description: 'endpoint missing (named)' })
  async unsubscribe(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<void> {
    const { endpoint } = parseOrThrow(pushUnsubscribeRequestSchema, body);
    if (await this.subscriptions.removeOwn(user.id, endpoint)) {
      await this.audit.record(user.username, 'push_subscription.removed', `user:${user.id}`, {});
    }
  }
}
