import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'um:isPublic';

/** Marks a route reachable without authentication. Every other route must declare its roles. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
