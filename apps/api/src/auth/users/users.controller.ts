import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { CurrentUser } from '../guard/current-user.decorator';
import { Roles } from '../guard/roles.decorator';
import type { AuthUser } from './role';
import {
  CreateUserDto,
  createUserSchema,
  UpdateUserDto,
  updateUserSchema,
  userIdParamSchema,
  type UserView,
} from './user.schemas';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(actor.username, parseOrThrow(createUserSchema, body));
  }

  @Get()
  async list(): Promise<{ items: UserView[] }> {
    return { items: await this.users.list() };
  }

  @Get(':id')
  get(@Param() params: Record<string, string>): Promise<UserView> {
    return this.users.get(parseOrThrow(userIdParamSchema, params).id);
  }

  /** Role, scope, contact details, locale, disabled and a password reset; absent fields stay. */
  @Patch(':id')
  update(
    @CurrentUser() actor: AuthUser,
    @Param() params: Record<string, string>,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    const { id } = parseOrThrow(userIdParamSchema, params);
    return this.users.update(actor, id, parseOrThrow(updateUserSchema, body));
  }
}
