import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { ProgramParticipation } from '../applications/participation.entity';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { nextConversationDue } from '../career-conversations/conversation-due.rule';
import { Employee } from '../employees/employee.entity';
import {
  findVisibleEmployee,
  relationTo,
  scopeToVisibleEmployees,
  findVisibleEmployeeRecord,
} from '../employees/employee-access';
import { CareerPlan } from './career-plan.entity';
import type {
  ActivityInputDto,
  CareerPlanQueryDto,
  CareerPlanView,
  CreateCareerPlanDto,
  PlanTransitionDto,
  UpdateActivityDto,
  UpdateCareerPlanDto,
} from './career-plans.dto';
import { eltpaTargetProblems } from './class-designations';
import { assertVersion, parseIfMatch, parseOptionalIfMatch } from './if-match';
import { PlanActivity } from './plan-activity.entity';
import { PlanEvent } from './plan-event.entity';
import {
  allowedActions,
  applyTransition,
  isTerminalPlanState,
  PLAN_STATES,
} from './plan-workflow.rule';
import type { PlanActorRelation, PlanState } from './plan-workflow.rule';
import { calendarDateIn, programToday } from '../program-calendar/program-date';
import { lockEmployeeProgramRecords } from './program-locks';

/** The owner writes their plan while it is a draft or has been returned to them. */
const EDITABLE_STATES: readonly PlanState[] = ['DRAFT', 'RETURNED'];
const OPEN_STATES: PlanState[] = PLAN_STATES.filter((state) => !isTerminalPlanState(state));
/** Who may create or edit a plan's content (within the states above). */
const PLAN_WRITERS: readonly PlanActorRelation[] = ['OWNER', 'COORDINATOR', 'ADMIN'];

function activityAuditView(activity: PlanActivity): Record<string, unknown> {
  return {
    id: activity.id,
    kind: activity.kind,
    description: activity.description,
    targetDate: activity.targetDate,
    plannedHours: activity.plannedHours === null ? null : Number(activity.plannedHours),
    status: activity.status,
  };
}

function planAuditView(plan: CareerPlan, activities?: PlanActivity[]): Record<string, unknown> {
  return {
    employeeId: plan.employeeId,
    participationId: plan.participationId,
    state: plan.state,
    goals: plan.goals,
    targetClassCodes: plan.targetClassCodes,
    ...(activities ? { activities: activities.map(activityAuditView) } : {}),
  };
}

function hoursColumn(hours: number | null | undefined): string | null {
  return hours === undefined || hours === null ? null : hours.toFixed(2);
}

@Injectable()
export class CareerPlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: CareerPlanQueryDto, actor: Actor): Promise<Page<CareerPlan>> {
    const builder = this.dataSource.getRepository(CareerPlan).createQueryBuilder('plan');
    scopeToVisibleEmployees(builder, actor.user, 'plan.employee_id');
    if (query.state) builder.andWhere('plan.state = :state', { state: query.state });
    if (query.employeeId)
      builder.andWhere('plan.employee_id = :employeeId', { employeeId: query.employeeId });
    if (query.departmentId)
      builder.andWhere('plan.department_id = :departmentId', { departmentId: query.departmentId });
    const [items, total] = await builder
      .orderBy(`plan.${query.sort}`, query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('plan.id', 'ASC')
      .skip(skipFor(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(id: string, actor: Actor): Promise<CareerPlanView> {
    const manager = this.dataSource.manager;
    return this.view(manager, await this.findVisiblePlan(manager, id, actor), actor);
  }

  /** A plan written by (or for) a participant: needs an open participation, one open plan. */
  async create(input: CreateCareerPlanDto, actor: Actor): Promise<CareerPlanView> {
    return this.dataSource.transaction(async (manager) => {
      const employeeId = input.employeeId ?? actor.user.employeeId;
      if (!employeeId) {
        throw DomainError.validation([
          { field: 'employeeId', message: 'is required: you have no employee record of your own' },
        ]);
      }
      const employee = await findVisibleEmployee(manager, employeeId, actor);
      const relation = relationTo(actor.user, employee);
      if (!PLAN_WRITERS.includes(relation)) {
        throw new DomainError(
          'FORBIDDEN',
          'Only the employee, their coordinator or an administrator may create their plan',
        );
      }
      const targets = input.targetClassCodes ?? [];
      const problems = await eltpaTargetProblems(
        manager,
        employee.departmentId,
        targets,
        programToday(),
        (index) => `targetClassCodes[${index}]`,
      );
      if (problems.length > 0) throw DomainError.validation(problems);
      await lockEmployeeProgramRecords(manager, employee.id);
      const participation = await manager.findOneBy(ProgramParticipation, {
        employeeId: employee.id,
        withdrawnOn: IsNull(),
      });
      if (!participation) {
        throw new DomainError(
          'RULE_VIOLATION',
          'A career development plan is written by a program participant: this employee has no open participation',
          [{ field: 'employeeId', message: 'is not a program participant' }],
        );
      }
      const plan = await this.insertDraft(manager, actor, employee, relation, {
        participationId: participation.id,
        targetClassCodes: targets,
        goals: input.goals ?? '',
        activities: input.activities ?? [],
      });
      return this.view(manager, plan, actor);
    });
  }

  /**
   * The draft plan opened with a participation when an application is accepted, inside the
   * caller's transaction (the caller holds the employee's program lock).
   */
  async createDraftForParticipant(
    manager: EntityManager,
    actor: Actor,
    employee: Employee,
    participationId: string,
    targetClassCodes: string[],
  ): Promise<CareerPlan> {
    return this.insertDraft(manager, actor, employee, relationTo(actor.user, employee), {
      participationId,
      targetClassCodes,
      goals: '',
      activities: [],
    });
  }

  /**
   * Leaving the program ends its plans too: every open plan of the employee is withdrawn, each
   * with a workflow event that gives the reason, and audited. Returns the plans withdrawn.
   */
  async withdrawOpenPlans(
    manager: EntityManager,
    actor: Actor,
    employee: Employee,
    reason: string,
  ): Promise<string[]> {
    const plans = await manager.find(CareerPlan, {
      where: { employeeId: employee.id, state: In(OPEN_STATES) },
      lock: { mode: 'pessimistic_write' },
    });
    const relation = relationTo(actor.user, employee);
    for (const plan of plans) {
      const before = planAuditView(plan);
      const from = plan.state;
      await this.bump(manager, plan, { state: 'WITHDRAWN', lastComment: reason });
      await this.recordEvent(manager, actor, plan.id, relation, {
        action: 'WITHDRAW',
        fromState: from,
        toState: 'WITHDRAWN',
        comment: `Participation withdrawn: ${reason}`,
      });
      await this.audit.record(manager, actor, {
        action: 'WITHDRAW',
        entityType: 'career_plan',
        entityId: plan.id,
        departmentId: plan.departmentId,
        changes: {
          ...diffForAudit(before, planAuditView(plan)),
          reason: { old: null, new: reason },
        },
      });
    }
    return plans.map((plan) => plan.id);
  }

  /** Goals, targets and the activity list, by the owner (or coordinator) in DRAFT/RETURNED. */
  async update(
    id: string,
    ifMatch: string | undefined,
    input: UpdateCareerPlanDto,
    actor: Actor,
  ): Promise<CareerPlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.findVisiblePlan(manager, id, actor, true);
      assertVersion(plan.version, parseIfMatch(ifMatch));
      const employee = await manager.findOneByOrFail(Employee, { id: plan.employeeId });
      const relation = relationTo(actor.user, employee);
      if (!PLAN_WRITERS.includes(relation)) {
        throw new DomainError('FORBIDDEN', 'Only the employee or their coordinator edits a plan');
      }
      assertEditable(plan);
      const existing = await this.activitiesOf(manager, plan.id);
      const problems: FieldProblem[] = [];
      if (input.targetClassCodes) {
        problems.push(
          ...(await eltpaTargetProblems(
            manager,
            plan.departmentId,
            input.targetClassCodes,
            programToday(),
            (index) => `targetClassCodes[${index}]`,
          )),
        );
      }
      const known = new Set(existing.map((activity) => activity.id));
      const listed = new Set<string>();
      input.activities?.forEach((item, index) => {
        if (item.id === undefined) return;
        if (!known.has(item.id)) {
          problems.push({
            field: `activities[${index}].id`,
            message: 'is not an activity of this plan',
          });
        } else if (listed.has(item.id)) {
          problems.push({ field: `activities[${index}].id`, message: 'is listed twice' });
        }
        listed.add(item.id);
      });
      if (problems.length > 0) throw DomainError.validation(problems);

      const before = planAuditView(plan, existing);
      if (input.activities) {
        const byId = new Map(existing.map((activity) => [activity.id, activity]));
        const removed = existing.filter((activity) => !listed.has(activity.id));
        if (removed.length > 0) {
          await manager.delete(PlanActivity, { id: In(removed.map((activity) => activity.id)) });
        }
        for (const item of input.activities) {
          const current = item.id === undefined ? undefined : byId.get(item.id);
          if (current) {
            Object.assign(current, {
              kind: item.kind,
              description: item.description,
              targetDate: item.targetDate ?? null,
              plannedHours: hoursColumn(item.plannedHours),
              status: item.status ?? current.status,
            });
            await manager.save(current);
          } else {
            await manager.insert(PlanActivity, newActivity(plan.id, item));
          }
        }
      }
      await this.bump(manager, plan, {
        goals: input.goals ?? plan.goals,
        targetClassCodes: input.targetClassCodes ?? plan.targetClassCodes,
      });
      const after = await this.activitiesOf(manager, plan.id);
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: 'career_plan',
        entityId: plan.id,
        departmentId: plan.departmentId,
        changes: diffForAudit(before, planAuditView(plan, after)),
      });
      return this.view(manager, plan, actor);
    });
  }

  /** One step of the workflow; the rule decides, the relation comes from employee-access. */
  async transition(
    id: string,
    ifMatch: string | undefined,
    input: PlanTransitionDto,
    actor: Actor,
  ): Promise<CareerPlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.findVisiblePlan(manager, id, actor, true);
      assertVersion(plan.version, parseIfMatch(ifMatch));
      const employee = await manager.findOneByOrFail(Employee, { id: plan.employeeId });
      const relation = relationTo(actor.user, employee);
      const comment = input.comment?.trim() ? input.comment.trim() : null;
      const result = applyTransition(plan.state, input.action, relation, {
        comment: comment ?? undefined,
      });
      if (!result.ok) {
        if (result.reason === 'COMMENT_REQUIRED') {
          throw DomainError.validation([
            { field: 'comment', message: `is required to ${input.action} a plan` },
          ]);
        }
        throw new DomainError(
          'TRANSITION_NOT_ALLOWED',
          result.reason === 'NOT_ALLOWED_FROM_STATE'
            ? `A plan in ${plan.state} cannot be ${input.action.toLowerCase()}ed`
            : `As ${relation.toLowerCase()} of this plan you may not ${input.action} it`,
          [],
          { reason: result.reason, state: plan.state, allowed: result.allowed },
        );
      }
      const before = planAuditView(plan);
      const from = plan.state;
      const now = new Date();
      await this.bump(manager, plan, {
        state: result.to,
        lastComment: comment,
        ...(input.action === 'SUBMIT' ? { submittedAt: now } : {}),
        ...(input.action === 'APPROVE' ? { approvedAt: now, approvedBy: actor.user.id } : {}),
      });
      await this.recordEvent(manager, actor, plan.id, relation, {
        action: input.action,
        fromState: from,
        toState: result.to,
        comment,
      });
      await this.audit.record(manager, actor, {
        action: input.action,
        entityType: 'career_plan',
        entityId: plan.id,
        departmentId: plan.departmentId,
        changes: {
          ...diffForAudit(before, planAuditView(plan)),
          ...(comment ? { comment: { old: null, new: comment } } : {}),
          actorRelation: { old: null, new: relation },
        },
      });
      return this.view(manager, plan, actor);
    });
  }

  async addActivity(
    planId: string,
    ifMatch: string | undefined,
    input: ActivityInputDto,
    actor: Actor,
  ): Promise<{ activity: PlanActivity; version: number }> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.lockForActivities(manager, planId, ifMatch, actor);
      const inserted = await manager.insert(PlanActivity, newActivity(plan.id, input));
      const activity = await manager.findOneByOrFail(PlanActivity, {
        id: (inserted.identifiers[0] as { id: string }).id,
      });
      await this.bump(manager, plan, {});
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'career_plan_activity',
        entityId: activity.id,
        departmentId: plan.departmentId,
        changes: diffForAudit(null, { planId: plan.id, ...activityAuditView(activity) }),
      });
      return { activity, version: plan.version };
    });
  }

  async updateActivity(
    planId: string,
    activityId: string,
    ifMatch: string | undefined,
    input: UpdateActivityDto,
    actor: Actor,
  ): Promise<{ activity: PlanActivity; version: number }> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.lockForActivities(manager, planId, ifMatch, actor);
      const activity = await manager.findOneBy(PlanActivity, { id: activityId, planId: plan.id });
      if (!activity) throw DomainError.notFound('Activity');
      const before = activityAuditView(activity);
      if (input.kind !== undefined) activity.kind = input.kind;
      if (input.description !== undefined) activity.description = input.description;
      if (input.targetDate !== undefined) activity.targetDate = input.targetDate;
      if (input.plannedHours !== undefined) activity.plannedHours = hoursColumn(input.plannedHours);
      if (input.status !== undefined) activity.status = input.status;
      await manager.save(activity);
      await this.bump(manager, plan, {});
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: 'career_plan_activity',
        entityId: activity.id,
        departmentId: plan.departmentId,
        changes: diffForAudit(before, activityAuditView(activity)),
      });
      return { activity, version: plan.version };
    });
  }

  async removeActivity(
    planId: string,
    activityId: string,
    ifMatch: string | undefined,
    actor: Actor,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.lockForActivities(manager, planId, ifMatch, actor);
      const activity = await manager.findOneBy(PlanActivity, { id: activityId, planId: plan.id });
      if (!activity) throw DomainError.notFound('Activity');
      const before = activityAuditView(activity);
      await manager.delete(PlanActivity, { id: activity.id });
      await this.bump(manager, plan, {});
      await this.audit.record(manager, actor, {
        action: 'DELETE',
        entityType: 'career_plan_activity',
        entityId: activityId,
        departmentId: plan.departmentId,
        changes: diffForAudit({ planId: plan.id, ...before }, null),
      });
      return plan.version;
    });
  }

  /** The plan, locked; the owner edits activities in DRAFT/RETURNED, the coordinator any time. */
  private async lockForActivities(
    manager: EntityManager,
    planId: string,
    ifMatch: string | undefined,
    actor: Actor,
  ): Promise<CareerPlan> {
    const plan = await this.findVisiblePlan(manager, planId, actor, true);
    assertVersion(plan.version, parseOptionalIfMatch(ifMatch));
    const employee = await manager.findOneByOrFail(Employee, { id: plan.employeeId });
    const relation = relationTo(actor.user, employee);
    if (!PLAN_WRITERS.includes(relation)) {
      throw new DomainError(
        'FORBIDDEN',
        "Only the employee or their coordinator edits a plan's activities",
      );
    }
    if (relation === 'OWNER') assertEditable(plan);
    return plan;
  }

  private async insertDraft(
    manager: EntityManager,
    actor: Actor,
    employee: Employee,
    relation: PlanActorRelation,
    data: {
      participationId: string | null;
      targetClassCodes: string[];
      goals: string;
      activities: ActivityInputDto[];
    },
  ): Promise<CareerPlan> {
    const open = await manager.findOne(CareerPlan, {
      where: { employeeId: employee.id, state: In(OPEN_STATES) },
    });
    if (open) {
      throw new DomainError(
        'CONFLICT',
        'The employee already has an open career plan: complete or withdraw it first',
        [{ field: 'employeeId', message: 'already has an open career plan' }],
        { planId: open.id },
      );
    }
    const plan = manager.create(CareerPlan, {
      departmentId: employee.departmentId,
      employeeId: employee.id,
      participationId: data.participationId,
      targetClassCodes: [...new Set(data.targetClassCodes)],
      goals: data.goals,
      state: 'DRAFT',
      submittedAt: null,
      approvedAt: null,
      approvedBy: null,
      lastComment: null,
    });
    await manager.save(plan);
    if (data.activities.length > 0) {
      await manager.insert(
        PlanActivity,
        data.activities.map((item) => newActivity(plan.id, item)),
      );
    }
    await this.recordEvent(manager, actor, plan.id, relation, {
      action: 'CREATE',
      fromState: 'NONE',
      toState: 'DRAFT',
      comment: null,
    });
    await this.audit.record(manager, actor, {
      action: 'CREATE',
      entityType: 'career_plan',
      entityId: plan.id,
      departmentId: plan.departmentId,
      changes: diffForAudit(null, planAuditView(plan, await this.activitiesOf(manager, plan.id))),
    });
    return plan;
  }

  /**
   * Writes the plan's columns and moves its version on, in one `UPDATE ... WHERE version = :v`:
   * the caller holds the row lock, so a mismatch here means a bug, still refused as stale.
   */
  private async bump(
    manager: EntityManager,
    plan: CareerPlan,
    set: Partial<
      Pick<
        CareerPlan,
        | 'goals'
        | 'targetClassCodes'
        | 'state'
        | 'lastComment'
        | 'submittedAt'
        | 'approvedAt'
        | 'approvedBy'
      >
    >,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(CareerPlan)
      .set({ ...set, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id: plan.id, version: plan.version })
      .execute();
    if (result.affected !== 1) {
      throw new DomainError('VERSION_CONFLICT', 'The plan changed while it was being written');
    }
    Object.assign(plan, await manager.findOneByOrFail(CareerPlan, { id: plan.id }));
  }

  private async recordEvent(
    manager: EntityManager,
    actor: Actor,
    planId: string,
    relation: PlanActorRelation,
    event: { action: string; fromState: string; toState: string; comment: string | null },
  ): Promise<void> {
    await manager.insert(PlanEvent, {
      planId,
      ...event,
      actorUserId: actor.user.id,
      actorRole: actor.user.role,
      actorRelation: relation,
    });
  }

  /** Outside the caller's scope is "not found". */
  private async findVisiblePlan(
    manager: EntityManager,
    id: string,
    actor: Actor,
    lock = false,
  ): Promise<CareerPlan> {
    return findVisibleEmployeeRecord(manager, CareerPlan, id, actor, 'Career plan', { lock });
  }

  private activitiesOf(manager: EntityManager, planId: string): Promise<PlanActivity[]> {
    return manager
      .getRepository(PlanActivity)
      .createQueryBuilder('activity')
      .where('activity.plan_id = :planId', { planId })
      .orderBy('activity.target_date', 'ASC', 'NULLS LAST')
      .addOrderBy('activity.description', 'ASC')
      .addOrderBy('activity.id', 'ASC')
      .getMany();
  }

  private async view(
    manager: EntityManager,
    plan: CareerPlan,
    actor: Actor,
  ): Promise<CareerPlanView> {
    const employee = await manager.findOneByOrFail(Employee, { id: plan.employeeId });
    const events = await manager.find(PlanEvent, {
      where: { planId: plan.id },
      order: { occurredAt: 'ASC' },
    });
    const last: { last: string | null }[] = await manager.query(
      'SELECT max(held_on)::text AS last FROM career_conversations WHERE employee_id = $1',
      [plan.employeeId],
    );
    return {
      plan,
      activities: await this.activitiesOf(manager, plan.id),
      events: sortEvents(events),
      allowedActions: allowedActions(plan.state, relationTo(actor.user, employee)),
      nextConversationDue: isTerminalPlanState(plan.state)
        ? null
        : nextConversationDue(
            last[0]?.last ?? null,
            plan.approvedAt ? calendarDateIn(plan.approvedAt) : null,
            programToday(),
          ),
    };
  }
}

/** Events of one transaction share a timestamp: a creation always comes first. */
function sortEvents(events: PlanEvent[]): PlanEvent[] {
  return [...events].sort(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() ||
      Number(b.action === 'CREATE') - Number(a.action === 'CREATE'),
  );
}

function assertEditable(plan: CareerPlan): void {
  if (!EDITABLE_STATES.includes(plan.state)) {
    throw new DomainError(
      'CONFLICT',
      `A plan in ${plan.state} is not edited: it can be changed only in DRAFT or RETURNED`,
      [],
      { state: plan.state },
    );
  }
}

function newActivity(planId: string, item: ActivityInputDto): Partial<PlanActivity> {
  return {
    planId,
    kind: item.kind,
    description: item.description,
    targetDate: item.targetDate ?? null,
    plannedHours: hoursColumn(item.plannedHours),
    status: item.status ?? 'PLANNED',
    sourceRequirement: null,
  };
}
