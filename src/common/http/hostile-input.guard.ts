import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { findHostileInput } from './hostile-input.rule';

/**
 * Refuses NUL characters and absurd nesting in the path, query and body with a 400 naming the
 * field. A global guard, so it runs before any route guard (the sign-in's reads the body) and
 * before pipes, handlers or the database see the input.
 */
@Injectable()
export class HostileInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const found =
      findHostileInput(request.params, 'path') ??
      findHostileInput(request.query, 'query') ??
      findHostileInput(request.body, 'body');
    if (found) throw DomainError.validation([found]);
    return true;
  }
}
