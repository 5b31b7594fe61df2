import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { CareerPlansService } from '../career-plans/career-plans.service';
import { programToday } from '../program-calendar/program-date';
import { lockEmployeeProgramRecords } from '../career-plans/program-locks';
import { findVisibleEmployee, relationTo } from '../employees/employee-access';
import type { ParticipationQueryDto, WithdrawParticipationDto } from './applications.dto';
import { ProgramParticipation } from './participation.entity';

/**
 * Formal participation periods. Withdrawal (voluntary, at any time) closes the open period with
 * its date and reason; nothing is deleted, and a later acceptance opens a new period.
 */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly plans: CareerPlansService,
  ) {}

  async history(
    employeeId: string,
    query: ParticipationQueryDto,
    actor: Actor,
  ): Promise<Page<ProgramParticipation>> {
    await findVisibleEmployee(this.dataSource.manager, employeeId, actor);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const [items, total] = await this.dataSource.getRepository(ProgramParticipation).findAndCount({
      where: { employeeId },
      order: { [query.sort]: direction, createdAt: direction, id: 'ASC' },
      skip: skipFor(query),
      take: query.pageSize,
    });
    return pageOf(items, total, query);
  }

  /**
   * Closes the open period. The employee's open career plans are withdrawn with it: a plan is
   * written by a participant, and leaving the program should not leave a plan waiting for an
   * approval nobody will give.
   */
  async withdraw(
    employeeId: string,
    input: WithdrawParticipationDto,
    actor: Actor,
  ): Promise<{ participation: ProgramParticipation; withdrawnPlanIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const employee = await findVisibleEmployee(manager, employeeId, actor);
      const relation = relationTo(actor.user, employee);
      if (relation !== 'OWNER' && relation !== 'COORDINATOR' && relation !== 'ADMIN') {
        throw new DomainError(
          'FORBIDDEN',
          'Participation is withdrawn by the employee, their coordinator or an administrator',
        );
      }
      await lockEmployeeProgramRecords(manager, employee.id);
      const participation = await manager.findOneBy(ProgramParticipation, {
        employeeId: employee.id,
        withdrawnOn: IsNull(),
      });
      if (!participation) {
        throw new DomainError('CONFLICT', 'The employee has no open participation to withdraw');
      }
      const today = programToday();
      if (input.withdrawnOn > today) {
        throw DomainError.validation([
          { field: 'withdrawnOn', message: 'must not be in the future' },
        ]);
      }
      if (input.withdrawnOn < participation.startedOn) {
        throw DomainError.validation([
          {
            field: 'withdrawnOn',
            message: `must not be before the participation started (${participation.startedOn})`,
          },
        ]);
      }
      const reason = input.reason.trim();
      // The plans first: they are locked before the first audit entry takes the chain's lock.
      const withdrawnPlanIds = await this.plans.withdrawOpenPlans(manager, actor, employee, reason);
      const before = { withdrawnOn: null, withdrawalReason: null };
      participation.withdrawnOn = input.withdrawnOn;
      participation.withdrawalReason = reason;
      await manager.save(participation);
      await this.audit.record(manager, actor, {
        action: 'WITHDRAW',
        entityType: 'program_participation',
        entityId: participation.id,
        departmentId: participation.departmentId,
        changes: diffForAudit(before, { withdrawnOn: input.withdrawnOn, withdrawalReason: reason }),
      });
      return { participation, withdrawnPlanIds };
    });
  }
}
