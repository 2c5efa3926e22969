import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createMaintenanceWindowSchema,
  type MaintenanceWindowsResponse,
  type MaintenanceWindowView,
} from '@fleet/telemetry/api/muting';
import { CurrentUser } from '../../auth/guard/current-user.decorator';
import { Roles } from '../../auth/guard/roles.decorator';
import type { AuthUser } from '../../auth/users/role';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { CreateRoute, DeleteRoute, ListRoute, ReplaceRoute } from './muting-routes';
import {
  CreateMaintenanceWindowDto,
  MaintenanceWindowsResponseDto,
  MaintenanceWindowViewDto,
  mutingIdParamSchema,
} from './muting.dto';
import { MutingService } from './muting.service';

/**
 * Maintenance windows: alerts in their scope while they are in effect are listed, not
 * notified. One-off, or weekly in Asia/Shanghai time. Admin and support.
 */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('maintenance-windows')
@Roles('admin', 'support')
export class MaintenanceWindowsController {
  constructor(private readonly muting: MutingService) {}

  /** Every window, newest first, with whether it is in effect now (`activeNow`). */
  @ListRoute(MaintenanceWindowsResponseDto)
  list(): Promise<MaintenanceWindowsResponse> {
    return this.muting.windows();
  }

  @CreateRoute(MaintenanceWindowViewDto, 'no scope, or a bad schedule')
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateMaintenanceWindowDto,
  ): Promise<MaintenanceWindowView> {
    return this.muting.createWindow(user.username, parseOrThrow(createMaintenanceWindowSchema, body));
  }

  /** Replaces its scope, schedule and comment. */
  @ReplaceRoute(MaintenanceWindowViewDto, 'no scope, or a bad schedule')
  replace(
    @CurrentUser() user: AuthUser,
    @Param() params: Record<string, string>,
    @Body() body: CreateMaintenanceWindowDto,
  ): Promise<MaintenanceWindowView> {
    const { id } = parseOrThrow(mutingIdParamSchema, params);
    return this.muting.replaceWindow(user.username, id, parseOrThrow(createMaintenanceWindowSchema, body));
  }

  @DeleteRoute(MaintenanceWindowViewDto, 'the window, deleted')
  remove(
    @CurrentUser() user: AuthUser,
    @Param() params: Record<string, string>,
  ): Promise<MaintenanceWindowView> {
    return this.muting.deleteWindow(user.username, parseOrThrow(mutingIdParamSchema, params).id);
  }
}
