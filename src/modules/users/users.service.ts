import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, ILike } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { DEPARTMENT_ROLES } from '../../common/auth/role';
import type { Role } from '../../common/auth/role';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { RefreshToken } from '../auth/refresh-token.entity';
import { hashPassword } from '../auth/password-hasher';
import { Department } from '../departments/department.entity';
import { User } from './user.entity';
import type { CreateUserDto, UpdateUserDto, UserQueryDto } from './users.dto';

/** What the audit log records of a user: never the hash itself, only that it changed. */
function auditView(user: User): Record<string, unknown> {
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    employeeId: user.employeeId,
    disabled: user.disabled,
    passwordHash: user.passwordHash,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: UserQueryDto): Promise<Page<User>> {
    const base: FindOptionsWhere<User> = {};
    if (query.role) base.role = query.role;
    if (query.departmentId) base.departmentId = query.departmentId;
    const where = query.q
      ? [
          { ...base, email: ILike(`%${escapeLike(query.q)}%`) },
          { ...base, displayName: ILike(`%${escapeLike(query.q)}%`) },
        ]
      : base;
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const [items, total] = await this.dataSource.getRepository(User).findAndCount({
      where,
      order: { [query.sort]: direction, id: 'ASC' },
      skip: skipFor(query),
      take: query.pageSize,
    });
    return pageOf(items, total, query);
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw DomainError.notFound('User');
    return user;
  }

  async create(input: CreateUserDto, actor: Actor): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertAssignment(manager, input.role, input.departmentId ?? null);
      const user = manager.create(User, {
        email: input.email.toLowerCase(),
        displayName: input.displayName,
        role: input.role,
        departmentId: input.departmentId ?? null,
        employeeId: input.employeeId ?? null,
        passwordHash: await hashPassword(input.password),
      });
      await this.saveUnique(manager, user);
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'user',
        entityId: user.id,
        departmentId: user.departmentId,
        changes: diffForAudit(null, auditView(user)),
      });
      return user;
    });
  }

  async update(id: string, input: UpdateUserDto, actor: Actor): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw DomainError.notFound('User');
      const before = auditView(user);
      const role = input.role ?? user.role;
      const departmentId =
        input.departmentId === undefined ? user.departmentId : input.departmentId;
      await this.assertAssignment(manager, role, departmentId);
      if (input.role !== undefined || input.departmentId !== undefined) {
        user.role = role;
        user.departmentId = departmentId;
      }
      if (input.displayName !== undefined) user.displayName = input.displayName;
      if (input.employeeId !== undefined) user.employeeId = input.employeeId;
      if (input.disabled !== undefined) user.disabled = input.disabled;
      if (input.password !== undefined) user.passwordHash = await hashPassword(input.password);
      await this.saveUnique(manager, user);
      const changes = diffForAudit(before, auditView(user));
      // Disabling or a new password ends every session: refresh tokens stop working at once.
      if (input.disabled === true || input.password !== undefined) {
        await manager
          .createQueryBuilder()
          .update(RefreshToken)
          .set({ revokedAt: () => 'now()' })
          .where('user_id = :id AND revoked_at IS NULL', { id })
          .execute();
      }
      if (Object.keys(changes).length > 0) {
        await this.audit.record(manager, actor, {
          action: input.disabled === true && before.disabled === false ? 'DISABLE' : 'UPDATE',
          entityType: 'user',
          entityId: user.id,
          departmentId: user.departmentId,
          changes,
        });
      }
      return user;
    });
  }

  /** Department roles need a department; ADMIN and AUDITOR work across departments. */
  private async assertAssignment(
    manager: EntityManager,
    role: Role,
    departmentId: string | null,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    if (DEPARTMENT_ROLES.includes(role) && !departmentId) {
      problems.push({ field: 'departmentId', message: `A ${role} belongs to a department` });
    }
    if (!DEPARTMENT_ROLES.includes(role) && departmentId) {
      problems.push({ field: 'departmentId', message: `An ${role} is not tied to a department` });
    }
    if (departmentId && problems.length === 0) {
      if (!(await manager.existsBy(Department, { id: departmentId }))) {
        problems.push({ field: 'departmentId', message: 'No such department' });
      }
    }
    if (problems.length > 0) throw DomainError.validation(problems);
  }

  private async saveUnique(manager: EntityManager, user: User): Promise<void> {
    try {
      await manager.save(user);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('CONFLICT', 'A user with this email or employee record exists', [
          { field: 'email', message: 'must be unique (as must employeeId)' },
        ]);
      }
      throw error;
    }
  }
}

/** `%` and `_` in a search term are literal characters, not wildcards. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}
