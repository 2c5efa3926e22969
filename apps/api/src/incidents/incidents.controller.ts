import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import type { IncidentsResponse, IncidentView } from '@fleet/telemetry/api/risk';
import { CurrentScope } from '../auth/guard/current-user.decorator';
import type { Scope } from '../auth/scope/scope';
import { incidentIdParamSchema, listIncidentsQuerySchema, type ListIncidentsQuery } from './incidents.dto';
import { IncidentsService } from './incidents.service';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  /** Area-wide problems (carrier outages, host maintenance), newest first. */
  @Get()
  list(
    @Query(new ZodValidationPipe(listIncidentsQuerySchema)) query: ListIncidentsQuery,
    @CurrentScope() scope: Scope,
  ): Promise<IncidentsResponse> {
    return this.incidents.list(scope, query);
  }

  /** One incident with its member terminals. */
  @Get(':id')
  get(
    @Param(new ZodValidationPipe(incidentIdParamSchema)) { id }: { id: string },
    @CurrentScope() scope: Scope,
  ): Promise<IncidentView> {
    return this.incidents.get(id, scope);
  }
}
