import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { APP_CONFIG } from '../../config/app-config';
import type { ResolvedAppConfig } from '../../config/app-config';
import { User } from '../users/user.entity';

export interface AccessTokenPayload {
  sub: string;
  role: string;
}

/**
 * Verifies the bearer token, then reloads the user on every request: a disabled user's tokens
 * stop working at once and a changed role applies immediately.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: ResolvedAppConfig,
    private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: payload.sub });
    if (!user || user.disabled) return false;
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      departmentId: user.departmentId,
      employeeId: user.employeeId,
    };
  }
}
