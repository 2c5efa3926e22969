import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { parseOrThrow } from '../../../common/errors/zod-fields';
import { Public } from '../../guard/public.decorator';
import { EMQX_HOOK_SECRET_HEADER, EmqxHookSecretGuard } from './emqx-hook-secret.guard';
import {
  EmqxAuthenticateDto,
  emqxAuthenticateSchema,
  EmqxAuthorizeDto,
  emqxAuthorizeSchema,
  type EmqxVerdict,
} from './emqx-hook.schemas';
import { EmqxHookService } from './emqx-hook.service';

/**
 * EMQX 5's HTTP authenticator and authorizer call these (MOSQUITTO.md, "EMQX 5"). No user
 * token: the caller is the broker, proven by the shared hook secret.
 */
@ApiTags('broker')
@ApiHeader({ name: EMQX_HOOK_SECRET_HEADER, required: true, description: 'EMQX_HOOK_SECRET' })
@Controller('broker/emqx')
@Public()
@UseGuards(EmqxHookSecretGuard)
export class EmqxHookController {
  constructor(private readonly hook: EmqxHookService) {}

  /** On CONNECT: may this client in, with this username and password? */
  @Post('authenticate')
  @HttpCode(200)
  authenticate(@Body() body: EmqxAuthenticateDto): Promise<EmqxVerdict> {
    return this.hook.authenticate(parseOrThrow(emqxAuthenticateSchema, body));
  }

  /** On PUBLISH and SUBSCRIBE: may this client use this topic? */
  @Post('authorize')
  @HttpCode(200)
  authorize(@Body() body: EmqxAuthorizeDto): Promise<EmqxVerdict> {
    return this.hook.authorize(parseOrThrow(emqxAuthorizeSchema, body));
  }
}
