import { SetMetadata } from '@nestjs/common';
import type { Role } from '../users/role';

export const REQUIRED_ROLES = 'fleet:roles';

/** Only these roles may call the route (or controller); others get 403 FORBIDDEN. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);
