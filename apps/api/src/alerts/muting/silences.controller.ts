import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createSilenceSchema, type SilencesResponse, type SilenceView } from '@fleet/telemetry/api/muting';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import { Roles } from '../../auth/guard/roles.decorator';
import type { AuthUser } from '../../auth/users/role';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { CreateRoute, DeleteRoute, ListRoute } from './muting-routes';
import { CreateSilenceDto, mutingIdParamSchema, SilencesResponseDto, SilenceViewDto } from './muting.dto';
import { MutingService } from './muting.service';

/** Silences hold matching alerts back from notifications (they are still listed). Admin and support. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('silences')
@Roles('admin', 'support')
export class SilencesController {
  constructor(private readonly muting: MutingService) {}

  /** Every silence, newest end first, each `pending`, `active` or `expired`. */
  @ListRoute(SilencesResponseDto)
  list(): Promise<SilencesResponse> {
    return this.muting.silences();
  }

  @CreateRoute(SilenceViewDto, 'no matcher, or endsAt not after startsAt')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSilenceDto): Promise<SilenceView> {
    return this.muting.createSilence(user.username, parseOrThrow(createSilenceSchema, body));
  }

  /** Expires the silence now. */
  @DeleteRoute(SilenceViewDto, 'the silence, expired')
  expire(@CurrentUser() user: AuthUser, @Param() params: Record<string, string>): Promise<SilenceView> {
    return this.muting.expireSilence(user.username, parseOrThrow(mutingIdParamSchema, params).id);
  }
}
