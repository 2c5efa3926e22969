import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../../common/errors/domain-error';
import { scopeFor } from '../scope/scope';
import { AccessTokens } from '../session/access-tokens';
import type { Role } from '../users/role';
import type { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';

/**
 * Installed globally: every HTTP route needs `Authorization: Bearer <token>` unless
 * marked @Public(); @Roles() narrows it further. Attaches the caller and their scope.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Socket gateways authenticate in handleConnection; this guard is for HTTP.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.tokens.verify(bearerToken(request));
    request.user = user;
    request.scope = scopeFor(user);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ForbiddenError(`requires role ${roles.join(' or ')}`);
    return true;
  }
}

function bearerToken(request: AuthenticatedRequest): string {
  const header = request.headers.authorization;
  if (typeof header !== 'string') throw new UnauthenticatedError('missing Authorization: Bearer <token>');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new UnauthenticatedError('Authorization header must be "Bearer <token>"');
  return match[1];
}
