import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import {
  supportStepRequestSchema,
  type SupportStepRequest,
  type SupportStepView,
} from '@fleet/telemetry/api/work-orders';
import { z } from 'zod';
import { CurrentScope, CurrentUser } from '../auth/guard/current-user.decorator';
import { Roles } from '../auth/guard/roles.decorator';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import { SupportStepsService } from './support-steps.service';

const idParam = new ZodValidationPipe(z.object({ id: z.uuid({ message: 'must be an alert id (UUID)' }) }));

/**
 * What support did about an alert before a visit: `merchant_contacted` (OFFLINE is
 * dispatched if still down hours later), `remote_step` (WEAK_SIGNAL), `line_ok` (the
 * merchant says the phone line is fine: LINE_FAULT is dispatched).
 */
@ApiTags('work-orders')
@ApiBearerAuth()
@Roles('admin', 'support')
@Controller('alerts')
export class SupportStepsController {
  constructor(private readonly steps: SupportStepsService) {}

  @Post(':id/support-steps')
  @ApiCreatedResponse({ description: 'SupportStepView: the step recorded' })
  @ApiNotFoundResponse({ description: 'no such terminal alert' })
  @ApiBadRequestResponse({ description: 'an unknown step, or the alert is resolved' })
  record(
    @Param(idParam) { id }: { id: string },
    @Body(new ZodValidationPipe(supportStepRequestSchema)) body: SupportStepRequest,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<SupportStepView> {
    return this.steps.record(id, body, user.username, scope);
  }

  @Get(':id/support-steps')
  @ApiOkResponse({ description: '{items: SupportStepView[]}, oldest first' })
  @ApiNotFoundResponse({ description: 'no such terminal alert' })
  list(
    @Param(idParam) { id }: { id: string },
    @CurrentScope() scope: Scope,
  ): Promise<{ items: SupportStepView[] }> {
    return this.steps.list(id, scope);
  }
}
