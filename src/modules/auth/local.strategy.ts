import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service';
import type { User } from '../users/user.entity';

/**
 * Email + password. Another strategy (e.g. OpenID Connect for state single sign-on) can sit
 * beside it: it only has to resolve a User, then AuthService issues the same tokens.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(
    request: Request & { id?: string | number },
    email: string,
    password: string,
  ): Promise<User> {
    return this.auth.verifyCredentials(email, password, String(request.id ?? ''));
  }
}
