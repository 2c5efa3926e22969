import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseOrThrow } from '../../common/errors/zod-fields';
import type { AuthenticatedRequest } from '../guard/authenticated-request';
import { CurrentUser } from '../guard/current-user.decorator';
import { Public } from '../guard/public.decorator';
import { SessionsService } from '../session/sessions.service';
import type { AuthUser } from '../users/role';
import { UsersService } from '../users/users.service';
import {
  LoginDto,
  loginSchema,
  LogoutDto,
  logoutSchema,
  RefreshDto,
  refreshSchema,
  type SessionView,
} from './login.schemas';
import { LoginService, withUser } from './login.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  signIn(@Body() body: LoginDto, @Req() request: AuthenticatedRequest): Promise<SessionView> {
    return this.login.login(parseOrThrow(loginSchema, body), request.ip ?? 'unknown');
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  async refresh(@Body() body: RefreshDto): Promise<SessionView> {
    const { refreshToken } = parseOrThrow(refreshSchema, body);
    const { session, user } = await this.sessions.refresh(refreshToken, (id) => this.users.activeById(id));
    return withUser(session, user);
  }

  @Post('logout')
  @ApiBearerAuth()
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Body() body: LogoutDto): Promise<void> {
    await this.sessions.end(user, parseOrThrow(logoutSchema, body ?? {}).refreshToken);
  }
}
