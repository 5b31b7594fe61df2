import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { Classification } from '../classifications/classification.entity';
import { findVisibleEmployee } from './employee-access';
import { ExamListEligibility } from './exam-eligibility.entity';
import type { CreateExamListDto, ExamListQueryDto, ExamListSortField } from './exam-lists.dto';

const SORT_COLUMNS: Record<ExamListSortField, string> = {
  listDate: 'list.listDate',
  expiresOn: 'list.expiresOn',
  classCode: 'classification.classCode',
};

function auditView(list: ExamListEligibility, classCode: string): Record<string, unknown> {
  return {
    employeeId: list.employeeId,
    classCode,
    listDate: list.listDate,
    expiresOn: list.expiresOn,
  };
}

/** An employee's places on eligible lists: read by whoever sees the employee. */
@Injectable()
export class ExamListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(
    employeeId: string,
    query: ExamListQueryDto,
    actor: Actor,
  ): Promise<Page<ExamListEligibility>> {
    await findVisibleEmployee(this.dataSource.manager, employeeId, actor);
    const builder = this.dataSource
      .getRepository(ExamListEligibility)
      .createQueryBuilder('list')
      .innerJoinAndSelect('list.classification', 'classification')
      .where('list.employee_id = :employeeId', { employeeId });
    if (query.classCode) {
      builder.andWhere('classification.class_code = :classCode', { classCode: query.classCode });
    }
    if (query.activeOn) {
      builder.andWhere('list.list_date <= :activeOn AND list.expires_on > :activeOn', {
        activeOn: query.activeOn,
      });
    }
    const [items, total] = await builder
      .orderBy(SORT_COLUMNS[query.sort], query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('list.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async create(
    employeeId: string,
    input: CreateExamListDto,
    actor: Actor,
  ): Promise<ExamListEligibility> {
    return this.dataSource.transaction(async (manager) => {
      const employee = await findVisibleEmployee(manager, employeeId, actor);
      const classification = await manager.findOneBy(Classification, {
        classCode: input.classCode,
      });
      const problems: FieldProblem[] = [];
      if (!classification) {
        problems.push({ field: 'classCode', message: `unknown class ${input.classCode}` });
      }
      if (input.expiresOn <= input.listDate) {
        problems.push({ field: 'expiresOn', message: 'must be after listDate' });
      }
      if (problems.length > 0 || !classification) throw DomainError.validation(problems);
      const list = manager.create(ExamListEligibility, {
        employeeId,
        classificationId: classification.id,
        listDate: input.listDate,
        expiresOn: input.expiresOn,
      });
      await manager.save(list);
      list.classification = classification;
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'exam_list_eligibility',
        entityId: list.id,
        departmentId: employee.departmentId,
        changes: diffForAudit(null, auditView(list, classification.classCode)),
      });
      return list;
    });
  }

  async remove(employeeId: string, listId: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const employee = await findVisibleEmployee(manager, employeeId, actor);
      const list = await manager.findOne(ExamListEligibility, {
        where: { id: listId, employeeId },
        relations: { classification: true },
      });
      if (!list) throw DomainError.notFound('Exam list eligibility');
      await manager.delete(ExamListEligibility, { id: list.id });
      await this.audit.record(manager, actor, {
        action: 'DELETE',
        entityType: 'exam_list_eligibility',
        entityId: list.id,
        departmentId: employee.departmentId,
        changes: diffForAudit(auditView(list, list.classification?.classCode ?? ''), null),
      });
    });
  }
}
