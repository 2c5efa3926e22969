import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import type { AtRiskResponse } from '@fleet/telemetry/api/risk';
import { CurrentScope, CurrentUser } from '../auth/guard/current-user.decorator';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import { ContactService, type ContactMarker } from './contact.service';
import {
  atRiskQuerySchema,
  contactSchema,
  terminalIdParamSchema,
  type AtRiskQueryInput,
  type ContactInput,
} from './risk.dto';
import { RiskService } from './risk.service';

/** Registered before TerminalsModule so `at-risk` wins over `/terminals/:terminalId`. */
@ApiTags('risk')
@ApiBearerAuth()
@Controller('terminals')
export class RiskController {
  constructor(
    private readonly risk: RiskService,
    private readonly contacts: ContactService,
  ) {}

  /** Terminals likely to fail, highest risk first, within the caller's scope. */
  @Get('at-risk')
  atRisk(
    @Query(new ZodValidationPipe(atRiskQuerySchema)) query: AtRiskQueryInput,
    @CurrentScope() scope: Scope,
  ): Promise<AtRiskResponse> {
    return this.risk.atRisk(scope, query);
  }

  /** Marks the merchant as contacted, so two agents do not call the same shop. */
  @Post(':terminalId/contact')
  @HttpCode(200)
  contact(
    @Param(new ZodValidationPipe(terminalIdParamSchema)) { terminalId }: { terminalId: string },
    @Body(new ZodValidationPipe(contactSchema)) body: ContactInput,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
  ): Promise<ContactMarker> {
    return this.contacts.record(terminalId, user.username, body.note, scope);
  }
}
