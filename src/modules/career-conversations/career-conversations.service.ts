import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { programToday } from '../program-calendar/program-date';
import {
  findVisibleEmployee,
  relationTo,
  scopeToVisibleEmployees,
  findVisibleEmployeeRecord,
} from '../employees/employee-access';
import { CareerConversation } from './career-conversation.entity';
import type {
  CareerConversationQueryDto,
  CreateCareerConversationDto,
} from './career-conversations.dto';

/** Career conversations, logged by the supervisor, the coordinator or an administrator. */
@Injectable()
export class CareerConversationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: CareerConversationQueryDto, actor: Actor): Promise<Page<CareerConversation>> {
    const builder = this.dataSource
      .getRepository(CareerConversation)
      .createQueryBuilder('conversation');
    scopeToVisibleEmployees(builder, actor.user, 'conversation.employee_id');
    if (query.employeeId)
      builder.andWhere('conversation.employee_id = :employeeId', { employeeId: query.employeeId });
    if (query.from) builder.andWhere('conversation.held_on >= :from', { from: query.from });
    if (query.to) builder.andWhere('conversation.held_on <= :to', { to: query.to });
    const [items, total] = await builder
      .orderBy(`conversation.${query.sort}`, query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('conversation.createdAt', 'ASC')
      .addOrderBy('conversation.id', 'ASC')
      .skip(skipFor(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(id: string, actor: Actor): Promise<CareerConversation> {
    return findVisibleEmployeeRecord(
      this.dataSource.manager,
      CareerConversation,
      id,
      actor,
      'Career conversation',
    );
  }

  async create(input: CreateCareerConversationDto, actor: Actor): Promise<CareerConversation> {
    return this.dataSource.transaction(async (manager) => {
      const employee = await findVisibleEmployee(manager, input.employeeId, actor);
      const relation = relationTo(actor.user, employee);
      if (relation !== 'SUPERVISOR' && relation !== 'COORDINATOR' && relation !== 'ADMIN') {
        throw new DomainError(
          'FORBIDDEN',
          "A conversation is logged by the employee's supervisor, coordinator or an administrator",
        );
      }
      if (input.heldOn > programToday()) {
        throw DomainError.validation([{ field: 'heldOn', message: 'must not be in the future' }]);
      }
      const conversation = manager.create(CareerConversation, {
        departmentId: employee.departmentId,
        employeeId: employee.id,
        heldOn: input.heldOn,
        heldByUserId: actor.user.id,
        summary: input.summary.trim(),
        nextSteps: input.nextSteps?.trim() ?? '',
      });
      await manager.save(conversation);
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'career_conversation',
        entityId: conversation.id,
        departmentId: conversation.departmentId,
        changes: diffForAudit(null, {
          employeeId: conversation.employeeId,
          heldOn: conversation.heldOn,
          heldByUserId: conversation.heldByUserId,
          summary: conversation.summary,
          nextSteps: conversation.nextSteps,
          actorRelation: relation,
        }),
      });
      return conversation;
    });
  }
}
