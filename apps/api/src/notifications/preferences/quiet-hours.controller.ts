import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { myQuietHoursSchema, type MyQuietHours, type QuietHours } from '@fleet/telemetry/api/notifications';
import { AuditService } from '../../audit/audit.service';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import type { AuthUser } from '../../auth/users/role';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { QuietHoursRepository } from './quiet-hours.repository';

class MyQuietHoursDto extends createZodDto(myQuietHoursSchema) {}

/** Stored without the override means it is on: say so, so the page shows what applies. */
const explicit = (quiet: QuietHours | null): MyQuietHours => ({
  quietHours: quiet === null ? null : { ...quiet, criticalOverride: quiet.criticalOverride !== false },
});

/**
 * The caller's own quiet hours (an admin sets anyone's with `PATCH /users/{id}`): every
 * signed-in user. During them e-mail and SMS wait until the end, critical alerts excepted
 * unless `criticalOverride` is false; the inbox is not held.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('users/me/quiet-hours')
export class QuietHoursController {
  constructor(
    private readonly quietHours: QuietHoursRepository,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MyQuietHoursDto })
  async get(@CurrentUser() user: AuthUser): Promise<MyQuietHours> {
    return explicit(await this.quietHours.of(user.id));
  }

  /** Replaces them; `{"quietHours": null}` clears them. */
  @Put()
  @ApiOkResponse({ type: MyQuietHoursDto, description: 'as saved' })
  @ApiBadRequestResponse({
    description: 'a malformed time, equal start and end, or an unknown key (the field is named)',
  })
  async put(@CurrentUser() user: AuthUser, @Body() body: MyQuietHoursDto): Promise<MyQuietHours> {
    const saved = explicit(parseOrThrow(myQuietHoursSchema, body).quietHours);
    await this.quietHours.save(user.id, saved.quietHours);
    await this.audit.record(user.username, 'quiet_hours.update', `user:${user.id}`, saved);
    return saved;
  }
}
