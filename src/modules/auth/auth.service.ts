import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG } from '../../config/app-config';
import type { ResolvedAppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { afterFailedLogin, afterSuccessfulLogin, isLocked } from './login-lockout.rule';
import { decoyPasswordHash, verifyPassword } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import type { MeDto, TokenPairDto } from './auth.dto';

/** One message for every failed sign-in: it never tells whether the email exists. */
const INVALID_CREDENTIALS = 'Invalid email or password, or the account is temporarily locked';

type LoginFailure = 'UNKNOWN_ACCOUNT' | 'DISABLED' | 'LOCKED' | 'BAD_PASSWORD';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function asActor(user: User, requestId: string): Actor {
  const authUser: AuthUser = {
    id: user.id,
    email: user.email,
    role: user.role,
    departmentId: user.departmentId,
    employeeId: user.employeeId,
  };
  return { user: authUser, requestId };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedAppConfig,
  ) {}

  /**
   * Checks a password sign-in. Failures are counted, may lock the account, and are audited;
   * that bookkeeping commits before the caller sees the (always identical) refusal.
   */
  async verifyCredentials(email: string, password: string, requestId: string): Promise<User> {
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (manager): Promise<User | null> => {
      const user = await manager.findOne(User, {
        where: { email: email.trim().toLowerCase() },
        lock: { mode: 'pessimistic_write' },
      });
      let failure: LoginFailure | null = null;
      if (!user) {
        await verifyPassword(await decoyPasswordHash(), password);
        failure = 'UNKNOWN_ACCOUNT';
      } else {
        const passwordOk = user.passwordHash
          ? await verifyPassword(user.passwordHash, password)
          : false;
        if (user.disabled) failure = 'DISABLED';
        else if (isLocked(user, now)) failure = 'LOCKED';
        else if (!passwordOk) failure = 'BAD_PASSWORD';
      }
      if (failure !== null || !user) {
        let locked = false;
        if (user && failure === 'BAD_PASSWORD') {
          Object.assign(user, afterFailedLogin(user, now));
          locked = isLocked(user, now);
          await manager.save(user);
        }
        await this.audit.record(manager, null, {
          action: 'LOGIN_FAILED',
          entityType: 'user',
          entityId: user?.id ?? null,
          departmentId: user?.departmentId ?? null,
          changes: {
            reason: failure ?? 'UNKNOWN_ACCOUNT',
            ...(locked ? { lockedUntil: user?.lockedUntil?.toISOString() } : {}),
          },
        });
        return null;
      }
      Object.assign(user, afterSuccessfulLogin(), { lastLoginAt: now });
      await manager.save(user);
      await this.audit.record(
        manager,
        { ...asActor(user, requestId) },
        {
          action: 'LOGIN',
          entityType: 'user',
          entityId: user.id,
          departmentId: user.departmentId,
        },
      );
      return user;
    });
    if (!outcome) throw new DomainError('UNAUTHENTICATED', INVALID_CREDENTIALS);
    return outcome;
  }

  /** A fresh access token and a new refresh token for a signed-in user. */
  async issueTokens(
    user: User,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TokenPairDto> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000);
    await manager.insert(RefreshToken, {
      id,
      userId: user.id,
      secretHash: sha256(secret),
      expiresAt,
      revokedAt: null,
      replacedById: null,
    });
    return {
      accessToken: await this.jwt.signAsync(
        { sub: user.id, role: user.role },
        { expiresIn: this.config.jwtAccessTtlSeconds },
      ),
      tokenType: 'Bearer',
      expiresIn: this.config.jwtAccessTtlSeconds,
      refreshToken: `${id}.${secret}`,
      refreshExpiresAt: expiresAt.toISOString(),
    };
  }

  /**
   * Rotates a refresh token. Presenting one that was already used or revoked revokes every
   * session of that user: a stolen copy is worth nothing once the owner has used theirs.
   */
  async refresh(refreshToken: string, requestId: string): Promise<TokenPairDto> {
    const refused = new DomainError('UNAUTHENTICATED', 'The refresh token is not valid');
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw refused;
    const result = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshToken, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token || !safeEqualHex(token.secretHash, sha256(secret))) return null;
      const user = await manager.findOneBy(User, { id: token.userId });
      if (!user || user.disabled) return null;
      if (token.revokedAt !== null) {
        await this.revokeAll(manager, user.id);
        await this.audit.record(manager, asActor(user, requestId), {
          action: 'REFRESH_TOKEN_REUSED',
          entityType: 'user',
          entityId: user.id,
          departmentId: user.departmentId,
          changes: { tokenId: token.id },
        });
        return 'REUSED' as const;
      }
      if (token.expiresAt.getTime() <= Date.now()) return null;
      const pair = await this.issueTokens(user, manager);
      token.revokedAt = new Date();
      token.replacedById = pair.refreshToken.split('.')[0];
      await manager.save(token);
      await this.audit.record(manager, asActor(user, requestId), {
        action: 'TOKEN_REFRESH',
        entityType: 'user',
        entityId: user.id,
        departmentId: user.departmentId,
        changes: { tokenId: token.id, replacedById: token.replacedById },
      });
      return pair;
    });
    if (result === null || result === 'REUSED') throw refused;
    return result;
  }

  /** Ends the given session, or every session of the caller when no token is given. */
  async logout(actor: Actor, refreshToken: string | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (refreshToken) {
        const [id] = refreshToken.split('.');
        if (/^[0-9a-f-]{36}$/.test(id ?? '')) {
          await manager
            .createQueryBuilder()
            .update(RefreshToken)
            .set({ revokedAt: () => 'now()' })
            .where('id = :id AND user_id = :userId AND revoked_at IS NULL', {
              id,
              userId: actor.user.id,
            })
            .execute();
        }
      } else {
        await this.revokeAll(manager, actor.user.id);
      }
      await this.audit.record(manager, actor, {
        action: 'LOGOUT',
        entityType: 'user',
        entityId: actor.user.id,
        departmentId: actor.user.departmentId,
        changes: { allSessions: !refreshToken },
      });
    });
  }

  async me(actor: Actor): Promise<MeDto> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.user.id });
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      departmentId: user.departmentId,
      employeeId: user.employeeId,
    };
  }

  private async revokeAll(manager: EntityManager, userId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }
}

function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
