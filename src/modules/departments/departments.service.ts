import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { readableDepartmentId } from '../../common/auth/department-scope';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainError } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { Department } from './department.entity';
import type {
  CreateDepartmentDto,
  DepartmentQueryDto,
  UpdateDepartmentDto,
} from './departments.dto';

function auditView(department: Department): Record<string, unknown> {
  return {
    code: department.code,
    name: department.name,
    umCoordinatorUserId: department.umCoordinatorUserId,
    reportDueMonthDay: department.reportDueMonthDay,
    stateTimeTrainingCapHours: department.stateTimeTrainingCapHours,
    smallCellThreshold: department.smallCellThreshold,
  };
}

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private scopeFor(actor: Actor): FindOptionsWhere<Department> {
    const departmentId = readableDepartmentId(actor.user);
    return departmentId === null ? {} : { id: departmentId };
  }

  async list(query: DepartmentQueryDto, actor: Actor): Promise<Page<Department>> {
    const [items, total] = await this.dataSource.getRepository(Department).findAndCount({
      where: this.scopeFor(actor),
      order: { [query.sort]: query.order === 'desc' ? 'DESC' : 'ASC', id: 'ASC' },
      skip: skipFor(query),
      take: query.pageSize,
    });
    return pageOf(items, total, query);
  }

  /** Outside the caller's scope is "not found": a 403 would confirm the record exists. */
  async get(id: string, actor: Actor): Promise<Department> {
    const query = this.dataSource
      .getRepository(Department)
      .createQueryBuilder('department')
      .where('department.id = :id', { id });
    const scope = readableDepartmentId(actor.user);
    if (scope !== null) query.andWhere('department.id = :scope', { scope });
    const department = await query.getOne();
    if (!department) throw DomainError.notFound('Department');
    return department;
  }

  async create(input: CreateDepartmentDto, actor: Actor): Promise<Department> {
    return this.dataSource.transaction(async (manager) => {
      const department = manager.create(Department, {
        code: input.code,
        name: input.name,
        reportDueMonthDay: input.reportDueMonthDay ?? '07-01',
        stateTimeTrainingCapHours:
          input.stateTimeTrainingCapHours === undefined || input.stateTimeTrainingCapHours === null
            ? null
            : input.stateTimeTrainingCapHours.toFixed(2),
        smallCellThreshold: input.smallCellThreshold ?? 5,
      });
      try {
        await manager.save(department);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('CONFLICT', `Department ${input.code} exists`, [
            { field: 'code', message: 'must be unique' },
          ]);
        }
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'department',
        entityId: department.id,
        departmentId: department.id,
        changes: diffForAudit(null, auditView(department)),
      });
      return department;
    });
  }

  async update(id: string, input: UpdateDepartmentDto, actor: Actor): Promise<Department> {
    return this.dataSource.transaction(async (manager) => {
      const department = await manager.findOne(Department, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!department) throw DomainError.notFound('Department');
      const before = auditView(department);
      if (input.name !== undefined) department.name = input.name;
      if (input.umCoordinatorUserId !== undefined) {
        if (input.umCoordinatorUserId !== null) {
          const isCoordinatorHere = await manager.existsBy(User, {
            id: input.umCoordinatorUserId,
            role: 'COORDINATOR',
            departmentId: department.id,
            disabled: false,
          });
          if (!isCoordinatorHere) {
            throw DomainError.validation([
              {
                field: 'umCoordinatorUserId',
                message: 'must be an enabled COORDINATOR user of this department',
              },
            ]);
          }
        }
        department.umCoordinatorUserId = input.umCoordinatorUserId;
      }
      if (input.reportDueMonthDay !== undefined)
        department.reportDueMonthDay = input.reportDueMonthDay;
      if (input.smallCellThreshold !== undefined)
        department.smallCellThreshold = input.smallCellThreshold;
      if (input.stateTimeTrainingCapHours !== undefined) {
        department.stateTimeTrainingCapHours =
          input.stateTimeTrainingCapHours === null
            ? null
            : input.stateTimeTrainingCapHours.toFixed(2);
      }
      const changes = diffForAudit(before, auditView(department));
      if (Object.keys(changes).length === 0) return department;
      await manager.save(department);
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: 'department',
        entityId: department.id,
        departmentId: department.id,
        changes,
      });
      return department;
    });
  }
}
