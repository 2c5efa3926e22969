import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodValidationPipe } from 'nestjs-zod';
import { type DeviceHealthQuery, deviceHealthQuerySchema } from '@fleet/telemetry/api/reports';
import { CurrentScope, CurrentUser } from '../auth/guard/current-user.decorator';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import { DeviceHealthService } from './device-health.service';
import { ReportRequests } from './report-request';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly requests: ReportRequests,
    private readonly deviceHealth: DeviceHealthService,
  ) {}

  /**
   * The device-health report of the merchants asked for (all in scope when omitted) over
   * `[from, to)`, dates in the caller's time zone (PROTOCOL.md §2).
   */
  @Get('device-health')
  @ApiProduces('application/json')
  @ApiQuery({
    name: 'merchantId',
    required: false,
    description: 'one or more merchant ids (repeat or comma-separate)',
  })
  @ApiQuery({ name: 'from', required: true, description: 'first local date, YYYY-MM-DD' })
  @ApiQuery({ name: 'to', required: true, description: 'local date after the last one, YYYY-MM-DD' })
  @ApiQuery({ name: 'locale', required: false, enum: ['zh-CN', 'en'] })
  @ApiOkResponse({ description: 'the report' })
  async deviceHealthReport(
    @Query(new ZodValidationPipe(deviceHealthQuerySchema)) query: DeviceHealthQuery,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { selection, period } = await this.requests.resolve(user, scope, query);
    void request;
    response.json(await this.deviceHealth.report(selection, period));
  }
}
