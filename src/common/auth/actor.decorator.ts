import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor, AuthUser } from './auth-user';

/** The signed-in caller with the request id, for services to scope and audit with. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context
    .switchToHttp()
    .getRequest<Request & { user?: AuthUser; id?: string | number }>();
  if (!request.user) throw new Error('CurrentActor used on a route without authentication');
  const actor: Actor = { user: request.user, requestId: String(request.id ?? '') };
  return actor;
});

/** The request id alone, for public routes (login) that still write audit entries. */
export const RequestId = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request & { id?: string | number }>();
  return String(request.id ?? '');
});
