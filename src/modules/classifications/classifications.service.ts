import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { readableDepartmentId } from '../../common/auth/department-scope';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { Department } from '../departments/department.entity';
import { parseFiscalYear } from '../program-calendar/fiscal-year.rule';
import { escapeLike } from '../users/users.service';
import { Classification } from './classification.entity';
import type {
  ClassificationQueryDto,
  CreateClassificationDto,
  ReplaceDesignationsDto,
  UpdateClassificationDto,
} from './classifications.dto';
import { UmDesignationRecord } from './um-designation.entity';

function auditView(classification: Classification): Record<string, unknown> {
  return {
    classCode: classification.classCode,
    title: classification.title,
    occupationalGroup: classification.occupationalGroup,
    salaryLow: Number(classification.salaryLow),
    salaryHigh: Number(classification.salaryHigh),
    eeo4Category: classification.eeo4Category,
  };
}

export type DesignationWithClass = UmDesignationRecord & { classification: Classification };

@Injectable()
export class ClassificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ClassificationQueryDto): Promise<Page<Classification>> {
    const builder = this.dataSource.getRepository(Classification).createQueryBuilder('c');
    if (query.occupationalGroup)
      builder.andWhere('c.occupational_group = :group', { group: query.occupationalGroup });
    if (query.q) {
      builder.andWhere('(c.class_code ILIKE :q OR c.title ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    const [items, total] = await builder
      .orderBy(`c.${query.sort}`, query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip(skipFor(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(id: string): Promise<Classification> {
    const classification = await this.dataSource.getRepository(Classification).findOneBy({ id });
    if (!classification) throw DomainError.notFound('Classification');
    return classification;
  }

  async create(input: CreateClassificationDto, actor: Actor): Promise<Classification> {
    assertSalaryRange(input.salaryLow, input.salaryHigh);
    return this.dataSource.transaction(async (manager) => {
      const classification = manager.create(Classification, {
        ...input,
        salaryLow: input.salaryLow.toFixed(2),
        salaryHigh: input.salaryHigh.toFixed(2),
      });
      try {
        await manager.save(classification);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('CONFLICT', `Class ${input.classCode} exists`, [
            { field: 'classCode', message: 'must be unique' },
          ]);
        }
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'classification',
        entityId: classification.id,
        departmentId: null,
        changes: diffForAudit(null, auditView(classification)),
      });
      return classification;
    });
  }

  async update(id: string, input: UpdateClassificationDto, actor: Actor): Promise<Classification> {
    return this.dataSource.transaction(async (manager) => {
      const classification = await manager.findOne(Classification, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!classification) throw DomainError.notFound('Classification');
      const before = auditView(classification);
      const salaryLow = input.salaryLow ?? Number(classification.salaryLow);
      const salaryHigh = input.salaryHigh ?? Number(classification.salaryHigh);
      assertSalaryRange(salaryLow, salaryHigh);
      Object.assign(classification, {
        title: input.title ?? classification.title,
        occupationalGroup: input.occupationalGroup ?? classification.occupationalGroup,
        eeo4Category: input.eeo4Category ?? classification.eeo4Category,
        salaryLow: salaryLow.toFixed(2),
        salaryHigh: salaryHigh.toFixed(2),
      });
      const changes = diffForAudit(before, auditView(classification));
      if (Object.keys(changes).length === 0) return classification;
      await manager.save(classification);
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: 'classification',
        entityId: classification.id,
        departmentId: null,
        changes,
      });
      return classification;
    });
  }

  async designations(
    departmentId: string,
    fiscalYear: string,
    actor: Actor,
  ): Promise<DesignationWithClass[]> {
    validFiscalYear(fiscalYear);
    await this.assertDepartmentVisible(departmentId, actor);
    return (await this.dataSource.getRepository(UmDesignationRecord).find({
      where: { departmentId, fiscalYear },
      relations: { classification: true },
      order: { classification: { classCode: 'ASC' } },
    })) as DesignationWithClass[];
  }

  /** Replaces a department's designations for one fiscal year as a whole, in one transaction. */
  async replaceDesignations(
    departmentId: string,
    fiscalYear: string,
    input: ReplaceDesignationsDto,
    actor: Actor,
  ): Promise<DesignationWithClass[]> {
    validFiscalYear(fiscalYear);
    await this.assertDepartmentVisible(departmentId, actor);
    await this.dataSource.transaction(async (manager) => {
      const codes = input.designations.map((item) => item.classCode);
      const classes = await manager.findBy(Classification, { classCode: In(codes) });
      const byCode = new Map(classes.map((c) => [c.classCode, c]));
      const designationOf = new Map(
        input.designations.map((item) => [item.classCode, item.designation]),
      );
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      input.designations.forEach((item, index) => {
        const field = `designations[${index}]`;
        if (!byCode.has(item.classCode))
          problems.push({
            field: `${field}.classCode`,
            message: `unknown class ${item.classCode}`,
          });
        if (seen.has(item.classCode))
          problems.push({
            field: `${field}.classCode`,
            message: `${item.classCode} is listed twice`,
          });
        seen.add(item.classCode);
        for (const target of item.ladderTargetClassCodes ?? []) {
          if (item.designation === 'ELTPA') {
            problems.push({
              field: `${field}.ladderTargetClassCodes`,
              message: 'an ELTPA class is a ladder target, not a start',
            });
          } else if (designationOf.get(target) !== 'ELTPA') {
            problems.push({
              field: `${field}.ladderTargetClassCodes`,
              message: `${target} is not designated ELTPA this fiscal year`,
            });
          }
        }
      });
      if (problems.length > 0) throw DomainError.validation(problems);

      const repository = manager.getRepository(UmDesignationRecord);
      const previous = await repository.find({
        where: { departmentId, fiscalYear },
        relations: { classification: true },
      });
      const summary = (records: { code: string; designation: string; targets: string[] }[]) =>
        Object.fromEntries(
          records.map((r) => [
            r.code,
            r.targets.length ? `${r.designation}->${r.targets.join('/')}` : r.designation,
          ]),
        );
      await repository.delete({ departmentId, fiscalYear });
      await repository.insert(
        input.designations.map((item) => ({
          departmentId,
          fiscalYear,
          classificationId: byCode.get(item.classCode)!.id,
          designation: item.designation,
          ladderTargetClassCodes: item.ladderTargetClassCodes ?? [],
        })),
      );
      const changes = diffForAudit(
        summary(
          previous.map((r) => ({
            code: r.classification!.classCode,
            designation: r.designation,
            targets: r.ladderTargetClassCodes,
          })),
        ),
        summary(
          input.designations.map((i) => ({
            code: i.classCode,
            designation: i.designation,
            targets: i.ladderTargetClassCodes ?? [],
          })),
        ),
      );
      await this.audit.record(manager, actor, {
        action: 'REPLACE_DESIGNATIONS',
        entityType: 'um_designations',
        entityId: `${departmentId}:${fiscalYear}`,
        departmentId,
        changes,
      });
    });
    return this.designations(departmentId, fiscalYear, actor);
  }

  /** Outside the caller's department: 404, as if it did not exist. */
  private async assertDepartmentVisible(departmentId: string, actor: Actor): Promise<void> {
    const scope = readableDepartmentId(actor.user);
    const query = this.dataSource
      .getRepository(Department)
      .createQueryBuilder('d')
      .where('d.id = :departmentId', { departmentId });
    if (scope !== null) query.andWhere('d.id = :scope', { scope });
    if (!(await query.getExists())) throw DomainError.notFound('Department');
  }
}

function assertSalaryRange(low: number, high: number): void {
  if (high < low) {
    throw DomainError.validation([{ field: 'salaryHigh', message: 'must not be below salaryLow' }]);
  }
}

function validFiscalYear(label: string): void {
  try {
    parseFiscalYear(label);
  } catch (error) {
    throw DomainError.validation([
      {
        field: 'path.fiscalYear',
        message: error instanceof Error ? error.message : 'must look like 2025-26',
      },
    ]);
  }
}
