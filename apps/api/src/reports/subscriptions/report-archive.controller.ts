import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  type ArchivedReportList,
  archiveFileQuerySchema,
  archivedReportListSchema,
} from '@fleet/telemetry/api/report-subscriptions';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import type { AuthUser } from '../../auth/users/role';
import { NotFoundError } from '../../common/errors/domain-error';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { ReportArchiveRepository } from './report-archive.repository';

class ArchivedReportListDto extends createZodDto(archivedReportListSchema) {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const archiveIdSchema = z.object({ id: z.string() });

/** The caller's own delivered scheduled reports, to download again exactly as they were mailed. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/archive')
export class ReportArchiveController {
  constructor(private readonly archive: ReportArchiveRepository) {}

  @Get()
  @ApiOkResponse({ type: ArchivedReportListDto, description: 'newest period first' })
  async list(@CurrentUser() user: AuthUser): Promise<ArchivedReportList> {
    const rows = await this.archive.listOf(user.id);
    return { items: rows.map((row) => ({ ...row, generatedAt: row.generatedAt.toISOString() })) };
  }

  @Get(':id')
  @ApiProduces('application/pdf', 'text/csv')
  @ApiQuery({ name: 'format', required: false, enum: ['pdf', 'csv'] })
  @ApiOkResponse({ description: 'the stored file, byte for byte as mailed' })
  @ApiNotFoundResponse({ description: 'not one of the caller’s reports, or no CSV was attached' })
  async file(
    @CurrentUser() user: AuthUser,
    @Param() params: Record<string, string>,
    @Query() query: Record<string, string>,
    @Res() response: Response,
  ): Promise<void> {
    const { id } = parseOrThrow(archiveIdSchema, params);
    const { format } = parseOrThrow(archiveFileQuerySchema, query);
    // Another user's report and one that never was answer alike.
    const file = UUID.test(id) ? await this.archive.fileOf(user.id, id, format) : undefined;
    if (!file) throw new NotFoundError(`no archived report ${id}${format === 'csv' ? ' with a CSV' : ''}`);
    response.setHeader('Content-Type', format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="device-health_${file.from}_${file.to}.${format}"`,
    );
    response.setHeader('Content-Length', String(file.content.length));
    response.end(file.content);
  }
}
