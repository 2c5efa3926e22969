import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import {
  REMOTE_ACTION_STATES,
  remoteActionDoneRequestSchema,
  type RemoteActionView,
  type RemoteActionsResponse,
} from '@fleet/telemetry/api/work-orders';
import { z } from 'zod';
import { CurrentScope, CurrentUser } from '../auth/guard/current-user.decorator';
import { Roles } from '../auth/guard/roles.decorator';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import { RemoteActionsService } from './remote-actions.service';

const listQuerySchema = z.object({
  state: z.enum(REMOTE_ACTION_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
const idParam = new ZodValidationPipe(
  z.object({ id: z.uuid({ message: 'must be a remote action id (UUID)' }) }),
);

/** SIM top-ups and renewals for support, never a visit (the dispatch policy queues them). */
@ApiTags('work-orders')
@ApiBearerAuth()
@Roles('admin', 'support')
@Controller('remote-actions')
export class RemoteActionsController {
  constructor(private readonly actions: RemoteActionsService) {}

  /** Newest first; `state` `open` or `done`, both when omitted. */
  @Get()
  @ApiOkResponse({ description: 'RemoteActionsResponse: {items: RemoteActionView[]}' })
  list(
    @Query(new ZodValidationPipe(listQuerySchema)) query: z.output<typeof listQuerySchema>,
    @CurrentScope() scope: Scope,
  ): Promise<RemoteActionsResponse> {
    return this.actions.list(scope, query.state, query.limit);
  }

  /** `{"note"?}`: the top-up or renewal was done. */
  @Post(':id/done')
  @HttpCode(200)
  @ApiOkResponse({ description: 'the remote action after the change' })
  @ApiNotFoundResponse({ description: 'no such remote action' })
  @ApiConflictResponse({ description: 'already done' })
  done(
    @Param(idParam) { id }: { id: string },
    @Body(new ZodValidationPipe(remoteActionDoneRequestSchema))
    body: z.output<typeof remoteActionDoneRequestSchema>,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<RemoteActionView> {
    return this.actions.markDone(id, user.username, body.note, scope);
  }
}
