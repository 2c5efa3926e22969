import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { UnauthenticatedError } from '../../common/errors/domain-error';
import type { Scope } from '../scope/scope';
import type { AuthUser } from '../users/role';
import type { AuthenticatedRequest } from './authenticated-request';

function authenticated(ctx: ExecutionContext): AuthenticatedRequest & { user: AuthUser; scope: Scope } {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  // Only reachable on a @Public() route, where asking for the caller is a programming error.
  if (!request.user || !request.scope) throw new UnauthenticatedError();
  return request as AuthenticatedRequest & { user: AuthUser; scope: Scope };
}

/** The caller, as verified by AuthGuard. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => authenticated(ctx).user,
);

/** What the caller may see; hand it to repositories (scopeAllows / applyScope). */
export const CurrentScope = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Scope => authenticated(ctx).scope,
);
