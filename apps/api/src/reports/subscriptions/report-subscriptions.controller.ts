import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  type ReportSubscription,
  type ReportSubscriptionList,
  reportCadenceSchema,
  reportSubscriptionInputSchema,
  reportSubscriptionListSchema,
  reportSubscriptionSchema,
} from '@fleet/telemetry/api/report-subscriptions';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import type { AuthUser } from '../../auth/users/role';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { ReportSubscriptionsService } from './report-subscriptions.service';

class ReportSubscriptionInputDto extends createZodDto(reportSubscriptionInputSchema) {}
class ReportSubscriptionDto extends createZodDto(reportSubscriptionSchema) {}
class ReportSubscriptionListDto extends createZodDto(reportSubscriptionListSchema) {}

const cadenceParamSchema = z.object({ cadence: reportCadenceSchema });

/**
 * The caller's scheduled device-health reports, every signed-in user: weekly (Monday 08:00
 * in the user's time zone, the previous Monday–Sunday) and monthly (the 1st 08:00, the
 * previous month), mailed as a PDF and kept in `GET /reports/archive`.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/subscriptions')
export class ReportSubscriptionsController {
  constructor(private readonly subscriptions: ReportSubscriptionsService) {}

  @Get()
  @ApiOkResponse({ type: ReportSubscriptionListDto })
  async list(@CurrentUser() user: AuthUser): Promise<ReportSubscriptionList> {
    return { items: await this.subscriptions.list(user) };
  }

  /** Subscribes to `cadence`, or replaces that subscription. */
  @Put(':cadence')
  @ApiParam({ name: 'cadence', enum: ['weekly', 'monthly'] })
  @ApiOkResponse({ type: ReportSubscriptionDto, description: 'as saved' })
  @ApiBadRequestResponse({ description: 'a bad cadence, field or unknown merchant (the field is named)' })
  @ApiForbiddenResponse({ description: 'a merchant outside the caller’s scope' })
  save(
    @CurrentUser() user: AuthUser,
    @Param() params: Record<string, string>,
    @Body() body: ReportSubscriptionInputDto,
  ): Promise<ReportSubscription> {
    const { cadence } = parseOrThrow(cadenceParamSchema, params);
    return this.subscriptions.save(user, cadence, parseOrThrow(reportSubscriptionInputSchema, body));
  }

  @Delete(':cadence')
  @HttpCode(204)
  @ApiParam({ name: 'cadence', enum: ['weekly', 'monthly'] })
  @ApiNoContentResponse({ description: 'unsubscribed; archived reports stay' })
  @ApiNotFoundResponse({ description: 'no such subscription' })
  async remove(@CurrentUser() user: AuthUser, @Param() params: Record<string, string>): Promise<void> {
    await this.subscriptions.remove(user, parseOrThrow(cadenceParamSchema, params).cadence);
  }
}
