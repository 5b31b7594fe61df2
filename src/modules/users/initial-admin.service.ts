import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { systemActor } from '../../common/auth/auth-user';
import { APP_CONFIG } from '../../config/app-config';
import type { ResolvedAppConfig } from '../../config/app-config';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import { User } from './user.entity';

/** First start in production: the first ADMIN comes from ADMIN_EMAIL / ADMIN_PASSWORD; nothing else. */
@Injectable()
export class InitialAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedAppConfig,
  ) {}

  /** Creates the admin when no ADMIN exists yet; returns whether it did. */
  async ensureInitialAdmin(): Promise<boolean> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return false;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['initial-admin']);
      if (await manager.existsBy(User, { role: 'ADMIN' })) return false;
      const user = await manager.save(
        manager.create(User, {
          email: adminEmail,
          displayName: 'Administrator',
          role: 'ADMIN',
          departmentId: null,
          passwordHash: await hashPassword(adminPassword),
        }),
      );
      await this.audit.record(manager, systemActor('bootstrap'), {
        action: 'CREATE',
        entityType: 'user',
        entityId: user.id,
        departmentId: null,
        changes: diffForAudit(null, { email: user.email, role: user.role }),
      });
      return true;
    });
  }
}
