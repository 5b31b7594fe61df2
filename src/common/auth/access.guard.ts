import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC_KEY } from './public.decorator';
import type { Role } from './role';
import { ROLES_KEY } from './roles.decorator';

/**
 * Deny by default: a route is reachable only if it is `@Public()` or declares its roles; the
 * caller must then hold a valid access token of an enabled user with one of those roles.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new DomainError('FORBIDDEN', 'This route declares no access and is closed');
    }
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<Request & { user: AuthUser }>().user;
    if (!roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', `Role ${user.role} may not use this route`);
    }
    return true;
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof DomainError) throw error;
    if (error || !user) {
      throw new DomainError('UNAUTHENTICATED', 'A valid access token is required');
    }
    return user;
  }
}
