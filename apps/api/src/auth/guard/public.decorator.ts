import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'fleet:isPublic';

/** Marks a route (or controller) that needs no access token: health, login, refresh, metrics. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
