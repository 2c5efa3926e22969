import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  createAlertRuleSchema,
  updateAlertRuleSchema,
  type AlertRulesResponse,
  type AlertRuleView,
} from '@fleet/telemetry/api/alert-rules';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import { Roles } from '../../auth/guard/roles.decorator';
import type { AuthUser } from '../../auth/users/role';
import { parseOrThrow } from '../../common/errors/zod-fields';
import {
  AlertRulesResponseDto,
  AlertRuleViewDto,
  alertRuleIdParamSchema,
  CreateAlertRuleDto,
  UpdateAlertRuleDto,
} from './alert-rules.dto';
import { AlertRulesService } from './alert-rules.service';

const REFUSED =
  'a field missing, unknown or malformed, no target, or webhook URLs without the webhook channel (the field is named)';

/**
 * Alert routing rules: who is told of which alert, on which channels. Support may read
 * them; only admins change them.
 */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alert-rules')
@Roles('admin', 'support')
export class AlertRulesController {
  constructor(private readonly rules: AlertRulesService) {}

  /** Every rule, in the order routing reads them (position, then name). */
  @Get()
  @ApiOkResponse({ type: AlertRulesResponseDto })
  list(): Promise<AlertRulesResponse> {
    return this.rules.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: AlertRuleViewDto })
  @ApiNotFoundResponse({ description: 'no such rule' })
  get(@Param() params: Record<string, string>): Promise<AlertRuleView> {
    return this.rules.get(parseOrThrow(alertRuleIdParamSchema, params).id);
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AlertRuleViewDto })
  @ApiBadRequestResponse({ description: REFUSED })
  @ApiForbiddenResponse({ description: 'not an admin' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateAlertRuleDto): Promise<AlertRuleView> {
    return this.rules.create(user.username, parseOrThrow(createAlertRuleSchema, body));
  }

  /** Any of the fields; `match` and `targets` are replaced whole. */
  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: AlertRuleViewDto })
  @ApiBadRequestResponse({ description: REFUSED })
  @ApiForbiddenResponse({ description: 'not an admin' })
  @ApiNotFoundResponse({ description: 'no such rule' })
  update(
    @CurrentUser() user: AuthUser,
    @Param() params: Record<string, string>,
    @Body() body: UpdateAlertRuleDto,
  ): Promise<AlertRuleView> {
    const { id } = parseOrThrow(alertRuleIdParamSchema, params);
    return this.rules.update(user.username, id, parseOrThrow(updateAlertRuleSchema, body));
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOkResponse({ type: AlertRuleViewDto, description: 'the rule, as it was' })
  @ApiForbiddenResponse({ description: 'not an admin' })
  @ApiNotFoundResponse({ description: 'no such rule' })
  delete(@CurrentUser() user: AuthUser, @Param() params: Record<string, string>): Promise<AlertRuleView> {
    return this.rules.delete(user.username, parseOrThrow(alertRuleIdParamSchema, params).id);
  }
}
