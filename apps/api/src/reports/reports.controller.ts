import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodValidationPipe } from 'nestjs-zod';
import { type DeviceHealthQuery, deviceHealthQuerySchema } from '@fleet/telemetry/api/reports';
import { CurrentScope, CurrentUser } from '../auth/guard/current-user.decorator';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import { writeDeviceHealthCsv } from './csv/device-health-csv';
import { DeviceHealthService } from './device-health.service';
import { writeDeviceHealthPdf } from './pdf/device-health-pdf';
import { ReportRequests } from './report-request';

const REPORT_TYPES = ['application/json', 'text/csv', 'application/pdf'];

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
  @ApiProduces(...REPORT_TYPES)
  @ApiQuery({
    name: 'merchantId',
    required: false,
    description: 'one or more merchant ids (repeat or comma-separate)',
  })
  @ApiQuery({ name: 'from', required: true, description: 'first local date, YYYY-MM-DD' })
  @ApiQuery({ name: 'to', required: true, description: 'local date after the last one, YYYY-MM-DD' })
  @ApiQuery({ name: 'locale', required: false, enum: ['zh-CN', 'en'] })
  @ApiOkResponse({
    description:
      'JSON (deviceHealthReportSchema), CSV (one line per terminal, UTF-8 with BOM) or PDF, by the Accept header',
  })
  async deviceHealthReport(
    @Query(new ZodValidationPipe(deviceHealthQuerySchema)) query: DeviceHealthQuery,
    @CurrentUser() user: AuthUser,
    @CurrentScope() scope: Scope,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { selection, period, locale } = await this.requests.resolve(user, scope, query);
    const type = request.accepts(REPORT_TYPES) || 'application/json';
    const file = `device-health_${period.view.from}_${period.view.to}`;
    response.vary('Accept');
    if (type === 'text/csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${file}.csv"`);
      await writeDeviceHealthCsv(this.deviceHealth.pages(selection, period), locale, response);
      return;
    }
    const report = await this.deviceHealth.report(selection, period);
    if (type === 'application/pdf') {
      response.setHeader('Content-Type', 'application/pdf');
      response.setHeader('Content-Disposition', `attachment; filename="${file}.pdf"`);
      await writeDeviceHealthPdf(report, locale, response);
      return;
    }
    response.json(report);
  }
}
