import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { programToday } from '../program-calendar/program-date';
import type { Actor, AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { Classification } from '../classifications/classification.entity';
import {
  findVisibleEmployee,
  scopeToVisibleEmployees,
  findVisibleEmployeeRecord,
} from '../employees/employee-access';
import { toDayNumber } from '../program-calendar/fiscal-year.rule';
import { earlyEndRequestStatus } from './early-end.rule';
import type { EarlyEndRequestStatus } from './early-end.rule';
import { TdAssignment } from './td-assignment.entity';
import {
  checkTdAssignmentLimit,
  maxEquivalentMonthsInAny36MonthWindow,
} from './td-assignment-limit.rule';
import type {
  CreateTdAssignmentDto,
  EarlyEndRequestDto,
  TdAssignmentQueryDto,
  UpdateTdAssignmentDto,
} from './td-assignments.dto';

/** An assignment with what is derived for display: its class, the early-end deadline, usage. */
export interface TdAssignmentView {
  assignment: TdAssignment;
  workClassCode: string;
  earlyEndRequest: EarlyEndRequestStatus | null;
  monthsInWorstWindow: number;
}

/** A span as the limit rule reads it (start, inclusive end, time base). */
type TdSpan = Parameters<typeof checkTdAssignmentLimit>[1];

/** Floating point noise off (0.1 + 0.2), while a single day at any time base still shows. */
function roundMonths(months: number): number {
  return Math.round(months * 1e6) / 1e6;
}

/** How long an assignment counts: to its actual end once known, else to the planned one. */
function spanOf(assignment: TdAssignment): TdSpan {
  return {
    start: assignment.startDate,
    end: assignment.actualEndDate ?? assignment.plannedEndDate,
    timeBaseFraction: Number(assignment.timeBaseFraction),
  };
}

function auditView(assignment: TdAssignment, workClassCode: string): Record<string, unknown> {
  return {
    employeeId: assignment.employeeId,
    hostUnit: assignment.hostUnit,
    hostDepartment: assignment.hostDepartment,
    workClassCode,
    startDate: assignment.startDate,
    plannedEndDate: assignment.plannedEndDate,
    actualEndDate: assignment.actualEndDate,
    timeBaseFraction: Number(assignment.timeBaseFraction),
    earlyEndRequestedOn: assignment.earlyEndRequestedOn,
  };
}

function isManager(user: AuthUser): boolean {
  return user.role === 'ADMIN' || user.role === 'COORDINATOR';
}

@Injectable()
export class TdAssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: TdAssignmentQueryDto, actor: Actor): Promise<Page<TdAssignmentView>> {
    const builder = this.dataSource.getRepository(TdAssignment).createQueryBuilder('a');
    scopeToVisibleEmployees(builder, actor.user, 'a.employee_id');
    if (query.employeeId) builder.andWhere('a.employee_id = :employeeId', query);
    if (query.departmentId) builder.andWhere('a.department_id = :departmentId', query);
    if (query.activeOn) {
      builder.andWhere(
        'a.start_date <= :activeOn AND COALESCE(a.actual_end_date, a.planned_end_date) >= :activeOn',
        query,
      );
    }
    if (query.earlyEndRequested === 'true')
      builder.andWhere('a.early_end_requested_on IS NOT NULL');
    if (query.earlyEndRequested === 'false') builder.andWhere('a.early_end_requested_on IS NULL');
    const [items, total] = await builder
      .orderBy(`a.${query.sort}`, query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip(skipFor(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(await this.views(this.dataSource.manager, items), total, query);
  }

  async get(id: string, actor: Actor): Promise<TdAssignmentView> {
    const assignment = await this.findVisible(this.dataSource.manager, id, actor);
    return (await this.views(this.dataSource.manager, [assignment]))[0];
  }

  async create(input: CreateTdAssignmentDto, actor: Actor): Promise<TdAssignmentView> {
    return this.dataSource.transaction(async (manager) => {
      // The employee row is locked so that two assignments cannot both pass the limit at once.
      const employee = await findVisibleEmployee(manager, input.employeeId, actor, { lock: true });
      const problems: FieldProblem[] = [];
      const workClass = await manager.findOneBy(Classification, { classCode: input.workClassCode });
      if (!workClass)
        problems.push({ field: 'workClassCode', message: `unknown class ${input.workClassCode}` });
      if (toDayNumber(input.plannedEndDate) <= toDayNumber(input.startDate)) {
        problems.push({ field: 'plannedEndDate', message: 'must be after startDate' });
      }
      const timeBaseFraction = input.timeBaseFraction ?? Number(employee.timeBaseFraction);
      if (!(timeBaseFraction > 0)) {
        problems.push({
          field: 'timeBaseFraction',
          message: 'is required: the employee has no fixed time base (intermittent)',
        });
      }
      if (problems.length > 0) throw DomainError.validation(problems);

      const assignment = manager.create(TdAssignment, {
        departmentId: employee.departmentId,
        employeeId: employee.id,
        hostUnit: input.hostUnit,
        hostDepartment: input.hostDepartment ?? null,
        workClassificationId: workClass!.id,
        startDate: input.startDate,
        plannedEndDate: input.plannedEndDate,
        actualEndDate: null,
        timeBaseFraction: timeBaseFraction.toFixed(3),
        earlyEndRequestedOn: null,
      });
      await this.assertWithinLimit(manager, assignment);
      await manager.save(assignment);
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'td_assignment',
        entityId: assignment.id,
        departmentId: assignment.departmentId,
        changes: diffForAudit(null, auditView(assignment, workClass!.classCode)),
      });
      return (await this.views(manager, [assignment]))[0];
    });
  }

  async update(id: string, input: UpdateTdAssignmentDto, actor: Actor): Promise<TdAssignmentView> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.findVisibleLocked(manager, id, actor);
      const workClassCode = await this.classCodeOf(manager, assignment);
      const before = auditView(assignment, workClassCode);

      if (input.hostUnit !== undefined) assignment.hostUnit = input.hostUnit;
      if (input.hostDepartment !== undefined) assignment.hostDepartment = input.hostDepartment;
      if (input.plannedEndDate !== undefined) assignment.plannedEndDate = input.plannedEndDate;
      if (input.actualEndDate !== undefined) assignment.actualEndDate = input.actualEndDate;
      if (input.timeBaseFraction !== undefined) {
        assignment.timeBaseFraction = input.timeBaseFraction.toFixed(3);
      }

      const problems: FieldProblem[] = [];
      const start = toDayNumber(assignment.startDate);
      if (toDayNumber(assignment.plannedEndDate) <= start) {
        problems.push({ field: 'plannedEndDate', message: 'must be after startDate' });
      }
      if (assignment.actualEndDate !== null) {
        if (toDayNumber(assignment.actualEndDate) < start) {
          problems.push({ field: 'actualEndDate', message: 'must not be before startDate' });
        } else if (
          assignment.earlyEndRequestedOn !== null &&
          toDayNumber(assignment.actualEndDate) < toDayNumber(assignment.earlyEndRequestedOn)
        ) {
          problems.push({
            field: 'actualEndDate',
            message: `must not be before the early-end request of ${assignment.earlyEndRequestedOn}`,
          });
        }
      }
      if (problems.length > 0) throw DomainError.validation(problems);

      const changes = diffForAudit(before, auditView(assignment, workClassCode));
      if (Object.keys(changes).length === 0) return (await this.views(manager, [assignment]))[0];
      if (
        'plannedEndDate' in changes ||
        'actualEndDate' in changes ||
        'timeBaseFraction' in changes
      ) {
        await this.assertWithinLimit(manager, assignment);
      }
      await manager.save(assignment);
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: 'td_assignment',
        entityId: assignment.id,
        departmentId: assignment.departmentId,
        changes,
      });
      return (await this.views(manager, [assignment]))[0];
    });
  }

  /**
   * Records the employee's written request to end early (2 CCR 438: to be granted within 10
   * working days). The employee's own request is dated today; a coordinator or administrator
   * records a request received in writing, with the date it was made.
   */
  async requestEarlyEnd(
    id: string,
    input: EarlyEndRequestDto,
    actor: Actor,
  ): Promise<TdAssignmentView> {
    const today = programToday();
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.findVisibleLocked(manager, id, actor);
      const own = actor.user.employeeId !== null && actor.user.employeeId === assignment.employeeId;
      if (!own && !isManager(actor.user)) {
        throw new DomainError(
          'FORBIDDEN',
          'Only the employee, a coordinator or an administrator may record an early-end request',
        );
      }
      if (assignment.earlyEndRequestedOn !== null) {
        throw new DomainError(
          'CONFLICT',
          `An early end was already requested on ${assignment.earlyEndRequestedOn}`,
          [],
          { requestedOn: assignment.earlyEndRequestedOn },
        );
      }
      if (assignment.actualEndDate !== null) {
        throw new DomainError(
          'CONFLICT',
          `The assignment already ended on ${assignment.actualEndDate}`,
          [],
          { actualEndDate: assignment.actualEndDate },
        );
      }
      const requestedOn = input.requestedOn ?? today;
      const problems: FieldProblem[] = [];
      if (own && !isManager(actor.user) && requestedOn !== today) {
        problems.push({
          field: 'requestedOn',
          message: `your own request is dated the day you make it (${today})`,
        });
      } else if (toDayNumber(requestedOn) > toDayNumber(today)) {
        problems.push({
          field: 'requestedOn',
          message: `must not be in the future (today is ${today})`,
        });
      } else if (toDayNumber(requestedOn) < toDayNumber(assignment.startDate)) {
        problems.push({
          field: 'requestedOn',
          message: 'must not be before the assignment starts',
        });
      } else if (toDayNumber(requestedOn) > toDayNumber(assignment.plannedEndDate)) {
        problems.push({
          field: 'requestedOn',
          message: `the assignment was planned to end on ${assignment.plannedEndDate}`,
        });
      }
      if (problems.length > 0) throw DomainError.validation(problems);

      const workClassCode = await this.classCodeOf(manager, assignment);
      const before = auditView(assignment, workClassCode);
      assignment.earlyEndRequestedOn = requestedOn;
      await manager.save(assignment);
      await this.audit.record(manager, actor, {
        action: 'REQUEST_EARLY_END',
        entityType: 'td_assignment',
        entityId: assignment.id,
        departmentId: assignment.departmentId,
        changes: diffForAudit(before, auditView(assignment, workClassCode)),
      });
      return (await this.views(manager, [assignment]))[0];
    });
  }

  /** 2 CCR 438: at most 24 months of T&D within any 36; refused with the numbers otherwise. */
  private async assertWithinLimit(manager: EntityManager, assignment: TdAssignment): Promise<void> {
    const others = await manager.findBy(TdAssignment, {
      employeeId: assignment.employeeId,
      ...(assignment.id ? { id: Not(assignment.id) } : {}),
    });
    const proposed = spanOf(assignment);
    const check = checkTdAssignmentLimit(others.map(spanOf), proposed);
    if (check.ok) return;
    const fittingHint =
      check.earliestFittingStart === null
        ? 'it cannot fit at any start date: it alone exceeds the limit'
        : `the earliest start at which the same assignment fits is ${check.earliestFittingStart}`;
    throw new DomainError(
      'RULE_VIOLATION',
      `T&D assignments may total at most ${check.limitMonths} months within any ${check.windowMonths}-month period (2 CCR 438); this makes ${roundMonths(check.usedMonths)} months in ${check.windowStart} to ${check.windowEnd}; ${fittingHint}`,
      [
        {
          field: assignment.actualEndDate !== null ? 'actualEndDate' : 'plannedEndDate',
          message: `takes the employee over ${check.limitMonths} months of T&D within ${check.windowMonths} months`,
        },
      ],
      {
        limitMonths: check.limitMonths,
        windowMonths: check.windowMonths,
        usedMonths: roundMonths(check.usedMonths),
        windowStart: check.windowStart,
        windowEnd: check.windowEnd,
        earliestFittingStart: check.earliestFittingStart,
      },
    );
  }

  private async findVisible(
    manager: EntityManager,
    id: string,
    actor: Actor,
    options: { lock?: boolean } = {},
  ): Promise<TdAssignment> {
    return findVisibleEmployeeRecord(manager, TdAssignment, id, actor, 'T&D assignment', options);
  }

  /** Locks the employee first (as create does), then the assignment: one lock order for all. */
  private async findVisibleLocked(
    manager: EntityManager,
    id: string,
    actor: Actor,
  ): Promise<TdAssignment> {
    const visible = await this.findVisible(manager, id, actor);
    await findVisibleEmployee(manager, visible.employeeId, actor, { lock: true });
    return this.findVisible(manager, id, actor, { lock: true });
  }

  private async classCodeOf(manager: EntityManager, assignment: TdAssignment): Promise<string> {
    const workClass = await manager.findOneByOrFail(Classification, {
      id: assignment.workClassificationId,
    });
    return workClass.classCode;
  }

  /** Derived fields for a page of assignments, with one query per kind of data. */
  private async views(
    manager: EntityManager,
    assignments: TdAssignment[],
  ): Promise<TdAssignmentView[]> {
    if (assignments.length === 0) return [];
    const today = programToday();
    const employeeIds = [...new Set(assignments.map((a) => a.employeeId))];
    const classIds = [...new Set(assignments.map((a) => a.workClassificationId))];
    const history = await manager.findBy(TdAssignment, { employeeId: In(employeeIds) });
    const classes = await manager.findBy(Classification, { id: In(classIds) });
    const codeOf = new Map(classes.map((c) => [c.id, c.classCode]));
    const worstOf = new Map<string, number>();
    for (const employeeId of employeeIds) {
      const spans = history.filter((a) => a.employeeId === employeeId).map(spanOf);
      worstOf.set(
        employeeId,
        roundMonths(maxEquivalentMonthsInAny36MonthWindow(spans)?.months ?? 0),
      );
    }
    return assignments.map((assignment) => ({
      assignment,
      workClassCode: codeOf.get(assignment.workClassificationId) ?? '',
      earlyEndRequest: earlyEndRequestStatus(
        assignment.earlyEndRequestedOn,
        assignment.actualEndDate,
        today,
      ),
      monthsInWorstWindow: worstOf.get(assignment.employeeId) ?? 0,
    }));
  }
}
