import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { readableDepartmentId } from '../../common/auth/department-scope';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { UmDesignationRecord } from '../classifications/um-designation.entity';
import { Department } from '../departments/department.entity';
import { fiscalYearLabel, parseFiscalYear } from '../program-calendar/fiscal-year.rule';
import { AnnualGoal } from './annual-goal.entity';
import type { AnnualGoalQueryDto, PutAnnualGoalDto } from './goals.dto';
import {
  missedBothPreviousYears,
  missedGoalsProblems,
  twoPreviousFiscalYears,
} from './missed-goals.rule';

/** A goal with what happened that year and whether the two years before were both missed. */
export interface AnnualGoalView {
  goal: AnnualGoal;
  actualMoves: number;
  missedPreviousTwoYears: boolean;
}

function auditView(goal: AnnualGoal): Record<string, unknown> {
  return {
    fiscalYear: goal.fiscalYear,
    moveGoal: goal.moveGoal,
    moveGoalsByClass: goal.moveGoalsByClass,
    participantGoal: goal.participantGoal,
    planGoal: goal.planGoal,
    trainingHoursGoal: Number(goal.trainingHoursGoal),
    apprenticeGoal: goal.apprenticeGoal,
    budget: goal.budget === null ? null : Number(goal.budget),
    narrative: goal.narrative,
    missedGoalsExplanation: goal.missedGoalsExplanation,
    twoYearPlan: goal.twoYearPlan,
  };
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

/** `"3"`, `W/"3"` or `3` -> 3; undefined when the header is absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw DomainError.validation([
      { field: 'header.If-Match', message: 'must be the version of the goal record, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}

@Injectable()
export class GoalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(
    departmentId: string,
    query: AnnualGoalQueryDto,
    actor: Actor,
  ): Promise<Page<AnnualGoalView>> {
    await this.assertDepartmentVisible(this.dataSource.manager, departmentId, actor);
    const [goals, total] = await this.dataSource.getRepository(AnnualGoal).findAndCount({
      where: { departmentId },
      order: { fiscalYear: query.order === 'desc' ? 'DESC' : 'ASC', id: 'ASC' },
      skip: skipFor(query),
      take: query.pageSize,
    });
    return pageOf(await this.views(this.dataSource.manager, departmentId, goals), total, query);
  }

  async get(departmentId: string, fiscalYear: string, actor: Actor): Promise<AnnualGoalView> {
    validFiscalYear(fiscalYear);
    await this.assertDepartmentVisible(this.dataSource.manager, departmentId, actor);
    const goal = await this.dataSource
      .getRepository(AnnualGoal)
      .findOneBy({ departmentId, fiscalYear });
    if (!goal) throw DomainError.notFound('Annual goal');
    return (await this.views(this.dataSource.manager, departmentId, [goal]))[0];
  }

  /** Creates or replaces the goal record of one fiscal year; If-Match guards a replacement. */
  async put(
    departmentId: string,
    fiscalYear: string,
    input: PutAnnualGoalDto,
    ifMatch: number | undefined,
    actor: Actor,
  ): Promise<AnnualGoalView> {
    validFiscalYear(fiscalYear);
    return this.dataSource.transaction(async (manager) => {
      await this.assertDepartmentVisible(manager, departmentId, actor);
      const existing = await manager.findOne(AnnualGoal, {
        where: { departmentId, fiscalYear },
        lock: { mode: 'pessimistic_write' },
      });
      if (ifMatch !== undefined && existing?.version !== ifMatch) {
        throw new DomainError(
          'VERSION_CONFLICT',
          existing
            ? `The goal record is at version ${existing.version}, not ${ifMatch}: reload it and try again`
            : 'No goal record exists yet for that year: send no If-Match to create it',
          [],
          { currentVersion: existing?.version ?? null },
        );
      }

      const moveGoalsByClass = input.moveGoalsByClass ?? [];
      const problems: FieldProblem[] = [
        ...(await this.classGoalProblems(manager, departmentId, fiscalYear, moveGoalsByClass)),
      ];
      const previous = await this.previousYears(manager, departmentId, fiscalYear);
      problems.push(...missedGoalsProblems(missedBothPreviousYears(previous), input));
      if (problems.length > 0) throw DomainError.validation(problems);

      const goal = existing ?? manager.create(AnnualGoal, { departmentId, fiscalYear });
      const before = existing ? auditView(existing) : null;
      Object.assign(goal, {
        moveGoal: input.moveGoal,
        moveGoalsByClass: moveGoalsByClass.map(({ classCode, count }) => ({ classCode, count })),
        participantGoal: input.participantGoal,
        planGoal: input.planGoal,
        trainingHoursGoal: input.trainingHoursGoal.toFixed(2),
        apprenticeGoal: input.apprenticeGoal ?? null,
        budget:
          input.budget === undefined || input.budget === null ? null : input.budget.toFixed(2),
        narrative: input.narrative,
        missedGoalsExplanation: input.missedGoalsExplanation ?? null,
        twoYearPlan: input.twoYearPlan ?? null,
      });
      const changes = diffForAudit(before, auditView(goal));
      if (existing && Object.keys(changes).length === 0) {
        return (await this.views(manager, departmentId, [goal]))[0];
      }
      try {
        await manager.save(goal);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError(
            'CONFLICT',
            `A goal record for ${fiscalYear} was just created by someone else: reload it`,
          );
        }
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: existing ? 'UPDATE' : 'CREATE',
        entityType: 'annual_goal',
        entityId: goal.id,
        departmentId,
        changes,
      });
      return (await this.views(manager, departmentId, [goal]))[0];
    });
  }

  /** Outside the caller's department: 404, as if it did not exist. */
  private async assertDepartmentVisible(
    manager: EntityManager,
    departmentId: string,
    actor: Actor,
  ): Promise<void> {
    const scope = readableDepartmentId(actor.user);
    if (scope !== null && scope !== departmentId) throw DomainError.notFound('Department');
    if (!(await manager.existsBy(Department, { id: departmentId }))) {
      throw DomainError.notFound('Department');
    }
  }

  /** Each class goal names a distinct class designated ELTPA by the department that year. */
  private async classGoalProblems(
    manager: EntityManager,
    departmentId: string,
    fiscalYear: string,
    goals: { classCode: string }[],
  ): Promise<FieldProblem[]> {
    if (goals.length === 0) return [];
    const codes = [...new Set(goals.map((g) => g.classCode))];
    const eltpa = await manager
      .getRepository(UmDesignationRecord)
      .createQueryBuilder('d')
      .innerJoin('d.classification', 'c')
      .select('c.class_code', 'classCode')
      .where('d.department_id = :departmentId', { departmentId })
      .andWhere('d.fiscal_year = :fiscalYear', { fiscalYear })
      .andWhere("d.designation = 'ELTPA'")
      .andWhere('c.class_code IN (:...codes)', { codes })
      .getRawMany<{ classCode: string }>();
    const designated = new Set(eltpa.map((row) => row.classCode));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    goals.forEach(({ classCode }, index) => {
      const field = `moveGoalsByClass[${index}].classCode`;
      if (seen.has(classCode)) {
        problems.push({ field, message: `${classCode} is listed twice` });
      } else if (!designated.has(classCode)) {
        problems.push({
          field,
          message: `${classCode} is not designated ELTPA by this department for ${fiscalYear}`,
        });
      }
      seen.add(classCode);
    });
    return problems;
  }

  private async previousYears(
    manager: EntityManager,
    departmentId: string,
    fiscalYear: string,
  ): Promise<
    [
      { fiscalYear: string; moveGoal: number | null; actualMoves: number },
      { fiscalYear: string; moveGoal: number | null; actualMoves: number },
    ]
  > {
    const years = twoPreviousFiscalYears(fiscalYear);
    const goals = await manager.findBy(AnnualGoal, { departmentId, fiscalYear: In(years) });
    const moves = await this.movesByFiscalYear(manager, departmentId, years);
    const outcome = (year: string) => ({
      fiscalYear: year,
      moveGoal: goals.find((g) => g.fiscalYear === year)?.moveGoal ?? null,
      actualMoves: moves.get(year) ?? 0,
    });
    return [outcome(years[0]), outcome(years[1])];
  }

  /** Upward mobility moves of the department, counted by the fiscal year of their effective date. */
  private async movesByFiscalYear(
    manager: EntityManager,
    departmentId: string,
    fiscalYears: string[],
  ): Promise<Map<string, number>> {
    const ranges = fiscalYears.map(parseFiscalYear);
    const from = ranges.reduce((a, b) => (a.start < b.start ? a : b)).start;
    const to = ranges.reduce((a, b) => (a.end > b.end ? a : b)).end;
    const rows: { startYear: number; moves: number }[] = await manager.query(
      `SELECT (EXTRACT(YEAR FROM effective_date)::int
                - CASE WHEN EXTRACT(MONTH FROM effective_date) < 7 THEN 1 ELSE 0 END) AS "startYear",
              count(*)::int AS moves
         FROM appointments
        WHERE department_id = $1 AND is_upward_mobility_move
          AND effective_date BETWEEN $2 AND $3
        GROUP BY 1`,
      [departmentId, from, to],
    );
    return new Map(rows.map((row) => [fiscalYearLabel(Number(row.startYear)), Number(row.moves)]));
  }

  private async views(
    manager: EntityManager,
    departmentId: string,
    goals: AnnualGoal[],
  ): Promise<AnnualGoalView[]> {
    if (goals.length === 0) return [];
    const years = new Set<string>();
    for (const goal of goals) {
      years.add(goal.fiscalYear);
      twoPreviousFiscalYears(goal.fiscalYear).forEach((year) => years.add(year));
    }
    const all = [...years];
    const moves = await this.movesByFiscalYear(manager, departmentId, all);
    const goalsOf = new Map(
      (await manager.findBy(AnnualGoal, { departmentId, fiscalYear: In(all) })).map((g) => [
        g.fiscalYear,
        g.moveGoal,
      ]),
    );
    const outcome = (year: string) => ({
      fiscalYear: year,
      moveGoal: goalsOf.get(year) ?? null,
      actualMoves: moves.get(year) ?? 0,
    });
    return goals.map((goal) => {
      const [previous, beforePrevious] = twoPreviousFiscalYears(goal.fiscalYear);
      return {
        goal,
        actualMoves: moves.get(goal.fiscalYear) ?? 0,
        missedPreviousTwoYears: missedBothPreviousYears([
          outcome(previous),
          outcome(beforePrevious),
        ]),
      };
    });
  }
}
