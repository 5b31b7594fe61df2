import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { CareerPlansService } from '../career-plans/career-plans.service';
import { designationsOn } from '../career-plans/class-designations';
import { programToday } from '../program-calendar/program-date';
import { lockEmployeeProgramRecords } from '../career-plans/program-locks';
import { Classification } from '../classifications/classification.entity';
import { Employee } from '../employees/employee.entity';
import {
  findVisibleEmployee,
  relationTo,
  scopeToVisibleEmployees,
  findVisibleEmployeeRecord,
} from '../employees/employee-access';
import { fiscalYearOf } from '../program-calendar/fiscal-year.rule';
import {
  acknowledgementMissing,
  applicationRefusals,
  isOpenApplication,
  OPEN_APPLICATION_STATES,
} from './application-eligibility.rule';
import type {
  ApplicationDecisionDto,
  ApplicationQueryDto,
  CreateApplicationDto,
} from './applications.dto';
import { ProgramParticipation } from './participation.entity';
import { ProgramApplication } from './program-application.entity';
import { criteriaSetInForce } from './selection-criteria.service';
import { scoreProblems, totalScore, TOTAL_SCORE_DECIMALS } from './selection-score.rule';

export interface ApplicationView {
  application: ProgramApplication;
  targetClassCode: string;
}

export interface DecisionOutcome extends ApplicationView {
  participation: ProgramParticipation | null;
  careerPlanId: string | null;
}

function auditView(application: ProgramApplication): Record<string, unknown> {
  return {
    employeeId: application.employeeId,
    targetClassificationId: application.targetClassificationId,
    interests: application.interests,
    statement: application.statement,
    submittedOn: application.submittedOn,
    status: application.status,
    supervisorAcknowledgedAt: application.supervisorAcknowledgedAt,
    supervisorAcknowledgedBy: application.supervisorAcknowledgedBy,
    criteriaSetId: application.criteriaSetId,
    scores: application.scores,
    totalScore: application.totalScore === null ? null : Number(application.totalScore),
    decisionReason: application.decisionReason,
    decidedOn: application.decidedOn,
    decidedBy: application.decidedBy,
  };
}

function participationAuditView(participation: ProgramParticipation): Record<string, unknown> {
  return {
    employeeId: participation.employeeId,
    applicationId: participation.applicationId,
    startedOn: participation.startedOn,
    withdrawnOn: participation.withdrawnOn,
    withdrawalReason: participation.withdrawalReason,
  };
}

/** Applications to the program, their acknowledgement, scoring and decision. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly plans: CareerPlansService,
  ) {}

  async list(query: ApplicationQueryDto, actor: Actor): Promise<Page<ApplicationView>> {
    const builder = this.dataSource.getRepository(ProgramApplication).createQueryBuilder('app');
    scopeToVisibleEmployees(builder, actor.user, 'app.employee_id');
    if (query.status) builder.andWhere('app.status = :status', { status: query.status });
    if (query.departmentId)
      builder.andWhere('app.department_id = :departmentId', { departmentId: query.departmentId });
    if (query.employeeId)
      builder.andWhere('app.employee_id = :employeeId', { employeeId: query.employeeId });
    const [items, total] = await builder
      .orderBy(`app.${query.sort}`, query.order === 'desc' ? 'DESC' : 'ASC', 'NULLS LAST')
      .addOrderBy('app.id', 'ASC')
      .skip(skipFor(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(await this.withClassCodes(this.dataSource.manager, items), total, query);
  }

  async get(id: string, actor: Actor): Promise<ApplicationView> {
    const manager = this.dataSource.manager;
    const application = await this.findVisible(manager, id, actor);
    return (await this.withClassCodes(manager, [application]))[0];
  }

  async create(input: CreateApplicationDto, actor: Actor): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const employeeId = input.employeeId ?? actor.user.employeeId;
      if (!employeeId) {
        throw DomainError.validation([
          { field: 'employeeId', message: 'is required: you have no employee record of your own' },
        ]);
      }
      const employee = await findVisibleEmployee(manager, employeeId, actor);
      const relation = relationTo(actor.user, employee);
      if (relation !== 'OWNER' && relation !== 'COORDINATOR' && relation !== 'ADMIN') {
        throw new DomainError(
          'FORBIDDEN',
          'An application is filed by the employee, or on their behalf by their coordinator',
        );
      }
      const today = programToday();
      const target = await manager.findOneBy(Classification, { classCode: input.targetClassCode });
      if (!target) {
        throw DomainError.validation([
          { field: 'targetClassCode', message: `unknown class ${input.targetClassCode}` },
        ]);
      }
      const current = await manager.findOneByOrFail(Classification, {
        id: employee.classificationId,
      });
      const designations = await designationsOn(
        manager,
        employee.departmentId,
        [target.classCode, current.classCode],
        today,
      );
      if (designations.get(target.classCode) !== 'ELTPA') {
        throw DomainError.validation([
          {
            field: 'targetClassCode',
            message: `${target.classCode} is not designated ELTPA by the department for ${fiscalYearOf(today)}`,
          },
        ]);
      }
      await lockEmployeeProgramRecords(manager, employee.id);
      const refusals = applicationRefusals({
        employeeStatus: employee.status,
        currentClassDesignation: designations.get(current.classCode) ?? 'NONE',
        hasOpenApplication: await manager.exists(ProgramApplication, {
          where: { employeeId: employee.id, status: In([...OPEN_APPLICATION_STATES]) },
        }),
        hasActiveParticipation: await this.hasActiveParticipation(manager, employee.id),
      });
      if (refusals.length > 0) {
        throw new DomainError(
          'RULE_VIOLATION',
          `The employee may not apply: ${refusals.map((r) => r.message).join('; ')}`,
          refusals.map((r) => ({ field: 'employeeId', message: r.message })),
          { reasons: refusals.map((r) => r.code) },
        );
      }
      const application = manager.create(ProgramApplication, {
        departmentId: employee.departmentId,
        employeeId: employee.id,
        targetClassificationId: target.id,
        interests: input.interests ?? '',
        statement: input.statement ?? '',
        submittedOn: today,
        status: 'SUBMITTED',
        supervisorAcknowledgedAt: null,
        supervisorAcknowledgedBy: null,
        criteriaSetId: null,
        scores: null,
        totalScore: null,
        decisionReason: null,
        decidedOn: null,
        decidedBy: null,
      });
      await manager.save(application);
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'program_application',
        entityId: application.id,
        departmentId: application.departmentId,
        changes: diffForAudit(null, auditView(application)),
      });
      return { application, targetClassCode: target.classCode };
    });
  }

  /** The employee's own supervisor acknowledges the application (once). */
  async acknowledge(id: string, actor: Actor): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.findVisible(manager, id, actor, true);
      const employee = await manager.findOneByOrFail(Employee, { id: application.employeeId });
      if (relationTo(actor.user, employee) !== 'SUPERVISOR') {
        throw new DomainError('FORBIDDEN', "Only the employee's supervisor acknowledges");
      }
      assertOpen(application);
      if (application.supervisorAcknowledgedAt !== null) {
        throw new DomainError('CONFLICT', 'The application is already acknowledged');
      }
      const before = auditView(application);
      application.supervisorAcknowledgedAt = new Date();
      application.supervisorAcknowledgedBy = actor.user.id;
      await manager.save(application);
      await this.audit.record(manager, actor, {
        action: 'ACKNOWLEDGE',
        entityType: 'program_application',
        entityId: application.id,
        departmentId: application.departmentId,
        changes: diffForAudit(before, auditView(application)),
      });
      return (await this.withClassCodes(manager, [application]))[0];
    });
  }

  /**
   * Scores the application against the criteria in force and records the decision. ACCEPTED
   * opens a participation and a DRAFT career plan in the same transaction.
   */
  async decide(id: string, input: ApplicationDecisionDto, actor: Actor): Promise<DecisionOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.findVisible(manager, id, actor, true);
      const employee = await manager.findOneByOrFail(Employee, { id: application.employeeId });
      const relation = relationTo(actor.user, employee);
      if (relation !== 'COORDINATOR' && relation !== 'ADMIN') {
        throw new DomainError(
          'FORBIDDEN',
          relation === 'OWNER'
            ? 'Nobody decides their own application'
            : "Only the department's coordinator or an administrator decides",
        );
      }
      assertOpen(application);
      const today = programToday();
      const criteriaSet = await criteriaSetInForce(manager, application.departmentId, today);
      if (!criteriaSet) {
        throw new DomainError(
          'RULE_VIOLATION',
          'The department has no selection criteria in force: write them before deciding',
          [{ field: 'scores', message: 'no criteria set in force' }],
        );
      }
      const problems = scoreProblems(criteriaSet.criteria, input.scores);
      if (problems.length > 0) throw DomainError.validation(problems);
      if (
        acknowledgementMissing(
          input.decision,
          employee.supervisorId !== null,
          application.supervisorAcknowledgedAt !== null,
        )
      ) {
        throw new DomainError(
          'RULE_VIOLATION',
          "The supervisor's acknowledgement is needed before the application is accepted",
          [{ field: 'decision', message: 'needs the supervisor acknowledgement first' }],
        );
      }
      const accepted = input.decision === 'ACCEPTED';
      if (accepted) {
        // Every lock before the first audit entry (which takes the audit chain's lock).
        await lockEmployeeProgramRecords(manager, employee.id);
        if (await this.hasActiveParticipation(manager, employee.id)) {
          throw new DomainError(
            'RULE_VIOLATION',
            'The employee already takes part in the program',
            [{ field: 'decision', message: 'the employee already has an open participation' }],
          );
        }
      }
      const before = auditView(application);
      Object.assign(application, {
        status: input.decision,
        criteriaSetId: criteriaSet.id,
        scores: Object.fromEntries(criteriaSet.criteria.map((c) => [c.key, input.scores[c.key]])),
        totalScore: totalScore(criteriaSet.criteria, input.scores).toFixed(TOTAL_SCORE_DECIMALS),
        decisionReason: input.reason.trim(),
        decidedOn: today,
        decidedBy: actor.user.id,
      });
      await manager.save(application);
      await this.audit.record(manager, actor, {
        action: 'DECIDE',
        entityType: 'program_application',
        entityId: application.id,
        departmentId: application.departmentId,
        changes: diffForAudit(before, auditView(application)),
      });
      const [view] = await this.withClassCodes(manager, [application]);
      if (!accepted) return { ...view, participation: null, careerPlanId: null };

      const participation = manager.create(ProgramParticipation, {
        departmentId: application.departmentId,
        employeeId: employee.id,
        applicationId: application.id,
        startedOn: today,
        withdrawnOn: null,
        withdrawalReason: null,
      });
      await manager.save(participation);
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'program_participation',
        entityId: participation.id,
        departmentId: participation.departmentId,
        changes: diffForAudit(null, participationAuditView(participation)),
      });
      const plan = await this.plans.createDraftForParticipant(
        manager,
        actor,
        employee,
        participation.id,
        [view.targetClassCode],
      );
      return { ...view, participation, careerPlanId: plan.id };
    });
  }

  /** The applicant withdraws an application still waiting for (or on) the waitlist. */
  async withdraw(id: string, actor: Actor): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.findVisible(manager, id, actor, true);
      const employee = await manager.findOneByOrFail(Employee, { id: application.employeeId });
      if (relationTo(actor.user, employee) !== 'OWNER') {
        throw new DomainError('FORBIDDEN', 'Only the applicant withdraws an application');
      }
      assertOpen(application);
      const before = auditView(application);
      application.status = 'WITHDRAWN';
      await manager.save(application);
      await this.audit.record(manager, actor, {
        action: 'WITHDRAW',
        entityType: 'program_application',
        entityId: application.id,
        departmentId: application.departmentId,
        changes: diffForAudit(before, auditView(application)),
      });
      return (await this.withClassCodes(manager, [application]))[0];
    });
  }

  private hasActiveParticipation(manager: EntityManager, employeeId: string): Promise<boolean> {
    return manager.exists(ProgramParticipation, { where: { employeeId, withdrawnOn: IsNull() } });
  }

  /** Outside the caller's scope is "not found". */
  private async findVisible(
    manager: EntityManager,
    id: string,
    actor: Actor,
    lock = false,
  ): Promise<ProgramApplication> {
    return findVisibleEmployeeRecord(manager, ProgramApplication, id, actor, 'Application', {
      lock,
    });
  }

  private async withClassCodes(
    manager: EntityManager,
    applications: ProgramApplication[],
  ): Promise<ApplicationView[]> {
    const ids = [...new Set(applications.map((a) => a.targetClassificationId))];
    const classes = ids.length ? await manager.findBy(Classification, { id: In(ids) }) : [];
    const codes = new Map(classes.map((c) => [c.id, c.classCode]));
    return applications.map((application) => ({
      application,
      targetClassCode: codes.get(application.targetClassificationId) ?? '',
    }));
  }
}

function assertOpen(application: ProgramApplication): void {
  if (!isOpenApplication(application.status)) {
    throw new DomainError(
      'TRANSITION_NOT_ALLOWED',
      `The application is ${application.status}: only a SUBMITTED or WAITLISTED one can change`,
      [],
      { applicationStatus: application.status },
    );
  }
}
