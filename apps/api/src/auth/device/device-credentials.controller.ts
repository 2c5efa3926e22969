import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../guard/current-user.decorator';
import { Roles } from '../guard/roles.decorator';
import type { AuthUser } from '../users/role';
import { DeviceCredentialsService, type IssuedDeviceCredentials } from './device-credentials.service';

@ApiTags('terminals')
@ApiBearerAuth()
@Controller('terminals')
export class DeviceCredentialsController {
  constructor(private readonly credentials: DeviceCredentialsService) {}

  /** Issues or rotates the terminal's MQTT secret; the answer is the only time it is shown. */
  @Post(':terminalId/credentials')
  @Roles('admin')
  @HttpCode(201)
  issue(
    @CurrentUser() actor: AuthUser,
    @Param('terminalId') terminalId: string,
  ): Promise<IssuedDeviceCredentials> {
    return this.credentials.issue(actor.username, terminalId);
  }
}
