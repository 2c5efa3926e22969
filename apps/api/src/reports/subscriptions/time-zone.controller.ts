import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { type MyTimeZone, myTimeZoneSchema } from '@fleet/telemetry/api/report-subscriptions';
import { DEFAULT_REPORT_TIME_ZONE } from '@fleet/telemetry/api/reports';
import { AuditService } from '../../audit/audit.service';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import type { AuthUser } from '../../auth/users/role';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { UserTimeZoneRepository } from './user-time-zone.repository';

class MyTimeZoneDto extends createZodDto(myTimeZoneSchema) {}

/**
 * The caller's own time zone (an admin sets anyone's with `PATCH /users/{id}`): report
 * periods are cut and scheduled reports made at 08:00 in it.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('users/me/time-zone')
export class TimeZoneController {
  constructor(
    private readonly zones: UserTimeZoneRepository,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MyTimeZoneDto })
  async get(@CurrentUser() user: AuthUser): Promise<MyTimeZone> {
    return { timeZone: (await this.zones.of(user.id)) ?? DEFAULT_REPORT_TIME_ZONE };
  }

  @Put()
  @ApiOkResponse({ type: MyTimeZoneDto, description: 'as saved' })
  @ApiBadRequestResponse({ description: 'not an IANA time zone (the field is named)' })
  async put(@CurrentUser() user: AuthUser, @Body() body: MyTimeZoneDto): Promise<MyTimeZone> {
    const saved = parseOrThrow(myTimeZoneSchema, body);
    await this.zones.save(user.id, saved.timeZone);
    await this.audit.record(user.username, 'time_zone.update', `user:${user.id}`, saved);
    return saved;
  }
}
