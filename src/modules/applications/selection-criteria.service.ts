import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { readableDepartmentId } from '../../common/auth/department-scope';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainError } from '../../common/errors/domain-error';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { programToday } from '../program-calendar/program-date';
import { lockDepartmentCriteria } from '../career-plans/program-locks';
import { Department } from '../departments/department.entity';
import type { CreateSelectionCriteriaDto } from './applications.dto';
import { SelectionCriteriaSet } from './selection-criteria-set.entity';
import { criteriaProblems } from './selection-score.rule';

export interface DepartmentCriteria {
  departmentId: string;
  current: SelectionCriteriaSet | null;
  versions: SelectionCriteriaSet[];
}

/** The version in force on `date`: the newest whose effectiveFrom is not after it. */
export async function criteriaSetInForce(
  manager: EntityManager,
  departmentId: string,
  date: string,
): Promise<SelectionCriteriaSet | null> {
  return manager
    .getRepository(SelectionCriteriaSet)
    .createQueryBuilder('set')
    .where('set.department_id = :departmentId', { departmentId })
    .andWhere('set.effective_from <= :date', { date })
    .orderBy('set.version', 'DESC')
    .getOne();
}

/**
 * A department's written selection criteria. Versions are never edited: a change is a new
 * version, so each decision keeps pointing at the criteria it was scored against.
 */
@Injectable()
export class SelectionCriteriaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(departmentId: string, actor: Actor): Promise<DepartmentCriteria> {
    const manager = this.dataSource.manager;
    await this.assertDepartmentVisible(manager, departmentId, actor);
    const versions = await manager.find(SelectionCriteriaSet, {
      where: { departmentId },
      order: { version: 'DESC' },
    });
    const today = programToday();
    return {
      departmentId,
      current: versions.find((set) => set.effectiveFrom <= today) ?? null,
      versions,
    };
  }

  async create(
    departmentId: string,
    input: CreateSelectionCriteriaDto,
    actor: Actor,
  ): Promise<SelectionCriteriaSet> {
    const problems = criteriaProblems(input.criteria);
    if (problems.length > 0) throw DomainError.validation(problems);
    return this.dataSource.transaction(async (manager) => {
      await this.assertDepartmentVisible(manager, departmentId, actor);
      await lockDepartmentCriteria(manager, departmentId);
      const latest = await manager.findOne(SelectionCriteriaSet, {
        where: { departmentId },
        order: { version: 'DESC' },
      });
      if (latest && input.effectiveFrom < latest.effectiveFrom) {
        throw DomainError.validation([
          {
            field: 'effectiveFrom',
            message: `must not be before ${latest.effectiveFrom}, when version ${latest.version} took effect`,
          },
        ]);
      }
      const set = manager.create(SelectionCriteriaSet, {
        departmentId,
        version: (latest?.version ?? 0) + 1,
        effectiveFrom: input.effectiveFrom,
        criteria: input.criteria.map((c) => ({
          key: c.key,
          label: c.label,
          weight: c.weight,
          maxPoints: c.maxPoints,
        })),
      });
      try {
        await manager.save(set);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('CONFLICT', 'Another version was saved at the same time');
        }
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'selection_criteria_set',
        entityId: set.id,
        departmentId,
        changes: diffForAudit(
          null,
          {
            version: set.version,
            effectiveFrom: set.effectiveFrom,
            criteria: set.criteria,
          },
          new Set(),
        ),
      });
      return set;
    });
  }

  /** Outside the caller's department: 404, as if it did not exist. */
  private async assertDepartmentVisible(
    manager: EntityManager,
    departmentId: string,
    actor: Actor,
  ): Promise<void> {
    const scope = readableDepartmentId(actor.user);
    const query = manager
      .getRepository(Department)
      .createQueryBuilder('d')
      .where('d.id = :departmentId', { departmentId });
    if (scope !== null) query.andWhere('d.id = :scope', { scope });
    if (!(await query.getExists())) throw DomainError.notFound('Department');
  }
}
