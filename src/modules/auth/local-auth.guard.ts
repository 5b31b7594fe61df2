import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { toFieldProblems } from '../../common/http/validation';
import { LoginDto } from './auth.dto';

/**
 * Runs passport-local. Guards run before pipes, so the body is validated here first: a
 * malformed login is a 400 naming the field, not a vague 401.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    const errors = validateSync(plainToInstance(LoginDto, body ?? {}), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    if (errors.length > 0) throw DomainError.validation(toFieldProblems(errors));
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof Error) throw error;
    if (error || !user) throw new DomainError('UNAUTHENTICATED', 'Invalid email or password');
    return user;
  }
}
