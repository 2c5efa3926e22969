import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseOrThrow } from '../common/errors/zod-fields';
import { Roles } from '../auth/guard/roles.decorator';
import { AuditPageQueryDto, auditPageQuerySchema, type AuditPageView } from './audit.schemas';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first; `?before=<nextBefore>` for older entries. */
  @Get()
  @Roles('admin')
  page(@Query() query: AuditPageQueryDto): Promise<AuditPageView> {
    return this.audit.page(parseOrThrow(auditPageQuerySchema, query));
  }
}
