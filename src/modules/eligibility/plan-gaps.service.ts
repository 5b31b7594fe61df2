import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { CareerPlan } from '../career-plans/career-plan.entity';
import { assertVersion, parseOptionalIfMatch } from '../career-plans/if-match';
import { PlanActivity } from '../career-plans/plan-activity.entity';
import type { PlanActorRelation, PlanState } from '../career-plans/plan-workflow.rule';
import { programToday } from '../program-calendar/program-date';
import { Employee } from '../employees/employee.entity';
import { relationTo, scopeToVisibleEmployees } from '../employees/employee-access';
import { EligibilityFactsLoader } from './eligibility-facts.loader';
import type { EligibilityStatus } from './evaluate-eligibility.rule';
import { EligibilityService, evaluateOne } from './eligibility.service';
import { activitiesForGaps } from './gap-activities.rule';

/** The same rules as the career plans module: who writes a plan's activities, and when. */
const PLAN_WRITERS: readonly PlanActorRelation[] = ['OWNER', 'COORDINATOR', 'ADMIN'];
const OWNER_EDITABLE_STATES: readonly PlanState[] = ['DRAFT', 'RETURNED'];

export interface PlanGapsResult {
  plan: CareerPlan;
  classCode: string;
  status: EligibilityStatus;
  nearestPatternId: string | null;
  added: string[];
  activities: PlanActivity[];
}

/**
 * Turns the gaps between a plan's employee and the plan's first target class into planned
 * activities of the plan (see gap-activities.rule.ts). Idempotent: an activity already made
 * from the same requirement (same source key, whatever its status now) is not added again.
 */
@Injectable()
export class PlanGapsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly eligibility: EligibilityService,
    private readonly facts: EligibilityFactsLoader,
  ) {}

  async addActivitiesFromGaps(
    planId: string,
    ifMatch: string | undefined,
    actor: Actor,
  ): Promise<PlanGapsResult> {
    // Checked before anything is read or locked: a malformed header is the caller's mistake.
    const expectedVersion = parseOptionalIfMatch(ifMatch);
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.lockVisiblePlan(manager, planId, actor);
      assertVersion(plan.version, expectedVersion);
      const employee = await manager.findOneByOrFail(Employee, { id: plan.employeeId });
      const relation = relationTo(actor.user, employee);
      if (!PLAN_WRITERS.includes(relation)) {
        throw new DomainError(
          'FORBIDDEN',
          "Only the employee or their coordinator edits a plan's activities",
        );
      }
      if (relation === 'OWNER' && !OWNER_EDITABLE_STATES.includes(plan.state)) {
        throw new DomainError(
          'CONFLICT',
          `A plan in ${plan.state} is not edited: it can be changed only in DRAFT or RETURNED`,
          [],
          { state: plan.state },
        );
      }
      const classCode = plan.targetClassCodes[0];
      if (classCode === undefined) {
        throw new DomainError(
          'RULE_VIOLATION',
          'The plan has no target class to measure the employee against',
          [{ field: 'targetClassCodes', message: 'must name a target class first' }],
        );
      }
      const asOf = programToday();
      const target = await this.eligibility
        .targetRuleSet(manager, classCode, asOf)
        .catch((error: unknown) => {
          if (error instanceof DomainError && error.code === 'NOT_FOUND') {
            throw new DomainError('RULE_VIOLATION', error.message, [
              { field: 'targetClassCodes[0]', message: `has no rules in force on ${asOf}` },
            ]);
          }
          throw error;
        });
      const loaded = await this.facts.forEmployee(manager, employee.id, asOf);
      if (!loaded) throw DomainError.notFound('Employee');
      const result = evaluateOne(loaded.facts, target, asOf);

      const existing = await activitiesOf(manager, plan.id);
      const known = new Set(existing.map((activity) => activity.sourceRequirement));
      const fresh = activitiesForGaps(result).filter(
        (activity) => !known.has(activity.sourceRequirement),
      );
      const added: string[] = [];
      if (fresh.length > 0) {
        const inserted = await manager.insert(
          PlanActivity,
          fresh.map((activity) => ({
            planId: plan.id,
            kind: activity.kind,
            description: activity.description,
            targetDate: activity.targetDate,
            plannedHours: activity.plannedHours === null ? null : activity.plannedHours.toFixed(2),
            status: 'PLANNED' as const,
            sourceRequirement: activity.sourceRequirement,
          })),
        );
        added.push(...inserted.identifiers.map((identifier) => (identifier as { id: string }).id));
        const bumped = await manager
          .createQueryBuilder()
          .update(CareerPlan)
          .set({ version: () => 'version + 1', updatedAt: () => 'now()' })
          .where('id = :id AND version = :version', { id: plan.id, version: plan.version })
          .execute();
        if (bumped.affected !== 1) {
          throw new DomainError('VERSION_CONFLICT', 'The plan changed while it was being written');
        }
        plan.version += 1;
        await this.audit.record(
          manager,
          actor,
          fresh.map((activity, index) => ({
            action: 'CREATE',
            entityType: 'career_plan_activity',
            entityId: added[index],
            departmentId: plan.departmentId,
            changes: diffForAudit(null, {
              planId: plan.id,
              kind: activity.kind,
              description: activity.description,
              targetDate: activity.targetDate,
              plannedHours: activity.plannedHours,
              status: 'PLANNED',
              sourceRequirement: activity.sourceRequirement,
              fromEligibilityGap: `${classCode} as of ${asOf} (${result.status})`,
            }),
          })),
        );
      }
      return {
        plan,
        classCode,
        status: result.status,
        nearestPatternId: result.nearestPatternId,
        added,
        activities: await activitiesOf(manager, plan.id),
      };
    });
  }

  /** The plan, row-locked (SELECT ... FOR UPDATE); outside the caller's scope: 404. */
  private async lockVisiblePlan(
    manager: EntityManager,
    planId: string,
    actor: Actor,
  ): Promise<CareerPlan> {
    const query = manager
      .getRepository(CareerPlan)
      .createQueryBuilder('plan')
      .where('plan.id = :planId', { planId });
    scopeToVisibleEmployees(query, actor.user, 'plan.employee_id');
    const plan = await query.setLock('pessimistic_write').getOne();
    if (!plan) throw DomainError.notFound('Career plan');
    return plan;
  }
}

/** In the order the career plans module shows them. */
function activitiesOf(manager: EntityManager, planId: string): Promise<PlanActivity[]> {
  return manager
    .getRepository(PlanActivity)
    .createQueryBuilder('activity')
    .where('activity.plan_id = :planId', { planId })
    .orderBy('activity.target_date', 'ASC', 'NULLS LAST')
    .addOrderBy('activity.description', 'ASC')
    .addOrderBy('activity.id', 'ASC')
    .getMany();
}
