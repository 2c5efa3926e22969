import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import type { TerminalSeriesView } from '@fleet/telemetry/api/fleet';
import {
  importTerminalsSchema,
  type ImportTerminal,
  type TerminalListView,
  type TerminalStateView,
} from '@fleet/telemetry/api/terminals';
import { CurrentScope, CurrentUser } from '../auth/guard/current-user.decorator';
import { Roles } from '../auth/guard/roles.decorator';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import { NotFoundError } from '../common/errors/domain-error';
import { ListTerminalsQueryDto, SeriesQueryDto, TerminalIdParamDto } from './terminals.dto';
import { TerminalSeriesService } from './terminal-series.service';
import { TerminalsService } from './terminals.service';

@ApiTags('terminals')
@ApiBearerAuth()
@Controller('terminals')
export class TerminalsController {
  constructor(
    private readonly terminals: TerminalsService,
    private readonly terminalSeries: TerminalSeriesService,
  ) {}

  /** Upserts the registry by terminalId; terminals already publishing become registered. */
  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  async import(
    @Body(new ZodValidationPipe(importTerminalsSchema)) rows: ImportTerminal[],
    @CurrentUser() user: AuthUser,
  ): Promise<{ upserted: number }> {
    return { upserted: await this.terminals.import(rows, user.username) };
  }

  @Get()
  list(@Query() query: ListTerminalsQueryDto, @CurrentScope() scope: Scope): Promise<TerminalListView> {
    return this.terminals.list(query, scope);
  }

  @Get(':terminalId/series')
  series(
    @Param() { terminalId }: TerminalIdParamDto,
    @Query() { range }: SeriesQueryDto,
    @CurrentScope() scope: Scope,
  ): Promise<TerminalSeriesView> {
    return this.terminalSeries.get(terminalId, range, scope);
  }

  @Get(':terminalId')
  async get(
    @Param() { terminalId }: TerminalIdParamDto,
    @CurrentScope() scope: Scope,
  ): Promise<TerminalStateView> {
    const state = await this.terminals.get(terminalId, scope);
    // Out of scope answers exactly like missing, so ids outside a slice leak nothing.
    if (!state) throw new NotFoundError(`terminal ${terminalId} not found`);
    return state;
  }
}
