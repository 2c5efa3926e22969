import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import type {
  AlertDetail,
  AlertsResponse,
  AlertView,
  BulkAcknowledgeResponse,
} from '@fleet/telemetry/api/alerts';
import { CurrentScope, CurrentUser } from '../auth/guard/current-user.decorator';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import {
  acknowledgeSchema,
  alertIdParamSchema,
  assignSchema,
  bulkAcknowledgeSchema,
  listAlertsQuerySchema,
  resolveSchema,
  type AcknowledgeInput,
  type AssignInput,
  type BulkAcknowledgeInput,
  type ListAlertsQuery,
  type ResolveInput,
} from './alerts.dto';
import { AlertsService } from './alerts.service';

const idParam = new ZodValidationPipe(alertIdParamSchema);

/** The alert lifecycle (PROTOCOL.md §2): every role, each within its scope. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  /** Alerts within the caller's scope, newest first; `state` filters, none means every state. */
  @Get()
  @ApiOkResponse({ description: 'AlertsResponse: {items: AlertView[]}' })
  list(
    @Query(new ZodValidationPipe(listAlertsQuerySchema)) query: ListAlertsQuery,
    @CurrentScope() scope: Scope,
  ): Promise<AlertsResponse> {
    return this.alerts.list(scope, query);
  }

  /** Acknowledges many open alerts at once; ids outside scope or not open are listed as skipped. */
  @Post('acknowledge')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'BulkAcknowledgeResponse: {acknowledged: AlertView[], skipped: [{id, reason}]}',
  })
  acknowledgeMany(
    @Body(new ZodValidationPipe(bulkAcknowledgeSchema)) body: BulkAcknowledgeInput,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<BulkAcknowledgeResponse> {
    return this.alerts.acknowledgeMany(body.ids, user.username, body.note, scope);
  }

  /** One alert with its timeline. */
  @Get(':id')
  @ApiOkResponse({ description: 'AlertDetail: the AlertView plus timeline [{at, kind, actor, detail}]' })
  @ApiNotFoundResponse({ description: 'no such alert within the caller’s scope' })
  get(@Param(idParam) { id }: { id: string }, @CurrentScope() scope: Scope): Promise<AlertDetail> {
    return this.alerts.get(id, scope);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ description: 'the alert after the change' })
  @ApiNotFoundResponse({ description: 'no such alert within the caller’s scope' })
  @ApiConflictResponse({ description: 'the alert is not open' })
  acknowledge(
    @Param(idParam) { id }: { id: string },
    @Body(new ZodValidationPipe(acknowledgeSchema)) body: AcknowledgeInput,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<AlertView> {
    return this.alerts.acknowledge(id, user.username, body.note, scope);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'the alert after the change' })
  @ApiNotFoundResponse({ description: 'no such alert within the caller’s scope' })
  @ApiConflictResponse({ description: 'the alert is already resolved' })
  resolve(
    @Param(idParam) { id }: { id: string },
    @Body(new ZodValidationPipe(resolveSchema)) body: ResolveInput,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<AlertView> {
    return this.alerts.resolve(id, user.username, body.reason, scope);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ description: 'the alert after the change' })
  @ApiNotFoundResponse({ description: 'no such alert within the caller’s scope' })
  @ApiConflictResponse({ description: 'the alert is resolved' })
  assign(
    @Param(idParam) { id }: { id: string },
    @Body(new ZodValidationPipe(assignSchema)) body: AssignInput,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<AlertView> {
    return this.alerts.assign(id, user.username, body.assignee, scope);
  }
}
