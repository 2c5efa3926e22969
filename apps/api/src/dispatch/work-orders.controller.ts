import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import {
  assignWorkOrderRequestSchema,
  createWorkOrderRequestSchema,
  workOrderTransitionRequestSchema,
  type AssignWorkOrderRequest,
  type WorkOrderTransitionRequest,
  type WorkOrderView,
  type WorkOrdersResponse,
} from '@fleet/telemetry/api/work-orders';
import type { z } from 'zod';
import { CurrentScope, CurrentUser } from '../auth/guard/current-user.decorator';
import { Roles } from '../auth/guard/roles.decorator';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import { ManualWorkOrders } from './manual-work-orders';
import {
  listWorkOrdersQuerySchema,
  workOrderIdParamSchema,
  type ListWorkOrdersQuery,
} from './work-orders.dto';
import { WorkOrdersService } from './work-orders.service';

const idParam = new ZodValidationPipe(workOrderIdParamSchema);
const NOT_FOUND = 'no such work order within the caller’s scope';

/**
 * Work orders (PROTOCOL.md §2): a technician sees its own and its regions', support and
 * admins all, account managers their merchants' (read only).
 */
@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('work-orders')
export class WorkOrdersController {
  constructor(
    private readonly workOrders: WorkOrdersService,
    private readonly manual: ManualWorkOrders,
  ) {}

  /** Within scope, soonest SLA first; `state` is one state or several comma-separated. */
  @Get()
  @ApiOkResponse({ description: 'WorkOrdersResponse: {items: WorkOrderView[]}' })
  @ApiBadRequestResponse({ description: 'an unknown state, named in the error' })
  list(
    @Query(new ZodValidationPipe(listWorkOrdersQuerySchema)) query: ListWorkOrdersQuery,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<WorkOrdersResponse> {
    return this.workOrders.list(user, scope, query);
  }

  /** By hand for any terminal (support): a repair, or a paper delivery (`kind: paper_delivery`). */
  @Post()
  @Roles('admin', 'support')
  @ApiCreatedResponse({ description: 'the new WorkOrderView, assigned when a technician is eligible' })
  @ApiNotFoundResponse({ description: 'no such registered terminal' })
  @ApiBadRequestResponse({ description: 'a bad field, named in the error' })
  create(
    @Body(new ZodValidationPipe(createWorkOrderRequestSchema))
    body: z.output<typeof createWorkOrderRequestSchema>,
    @CurrentUser() user: AuthUser,
  ): Promise<WorkOrderView> {
    return this.manual.create(body, user.username);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'WorkOrderView with its transitions' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(
    @Param(idParam) { id }: { id: string },
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<WorkOrderView> {
    return this.workOrders.get(id, user, scope);
  }

  /**
   * `{"to", "reason"?, "at"?, "clientId"?}`: the assigned technician's steps (support may
   * act for them, and cancels). A `clientId` seen before answers the order unchanged.
   */
  @Post(':id/transition')
  @HttpCode(200)
  @ApiOkResponse({ description: 'the work order after the change' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiForbiddenResponse({ description: 'not the assigned technician, or an account manager' })
  @ApiConflictResponse({ description: 'the transition is illegal from the order’s state' })
  @ApiBadRequestResponse({ description: 'a missing reason, a bad reason code, or `at` in the future' })
  transition(
    @Param(idParam) { id }: { id: string },
    @Body(new ZodValidationPipe(workOrderTransitionRequestSchema)) body: WorkOrderTransitionRequest,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<WorkOrderView> {
    return this.workOrders.transition(id, body, user, scope);
  }

  /** `{"assignee"}`: support hands the order to an eligible technician of its region. */
  @Post(':id/assign')
  @HttpCode(200)
  @Roles('admin', 'support')
  @ApiOkResponse({ description: 'the work order after the change' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiBadRequestResponse({ description: 'the assignee is not an eligible technician' })
  @ApiConflictResponse({ description: 'the order is resolved or cancelled, or already theirs' })
  assign(
    @Param(idParam) { id }: { id: string },
    @Body(new ZodValidationPipe(assignWorkOrderRequestSchema)) body: AssignWorkOrderRequest,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<WorkOrderView> {
    return this.workOrders.assign(id, body.assignee, user, scope);
  }
}
