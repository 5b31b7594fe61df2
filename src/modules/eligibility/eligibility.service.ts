import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { readableDepartmentId } from '../../common/auth/department-scope';
import { DomainError } from '../../common/errors/domain-error';
import { designationAt } from '../appointments/upward-move.rule';
import type { ClassDesignation, UmDesignation } from '../appointments/upward-move.rule';
import { addCalendarMonths } from '../career-conversations/conversation-due.rule';
import { programToday } from '../program-calendar/program-date';
import { Classification } from '../classifications/classification.entity';
import { Department } from '../departments/department.entity';
import { findVisibleEmployee } from '../employees/employee-access';
import { fiscalYearOf } from '../program-calendar/fiscal-year.rule';
import { EligibilityFactsLoader } from './eligibility-facts.loader';
import type { LoadedEmployee } from './eligibility-facts.loader';
import { toTargetEligibilityDto } from './eligibility.dto';
import type {
  DepartmentEligibilityDto,
  DepartmentEligibilityQueryDto,
  EligibleEmployeeDto,
  EmployeeEligibilityDto,
  EmployeeEligibilityQueryDto,
  UnusableRecordDto,
} from './eligibility.dto';
import {
  createDateReader,
  InvalidEmployeeFactsError,
  prepareEmployeeFacts,
} from './employee-facts';
import type { EmployeeFacts } from './employee-facts';
import { evaluateEligibility, evaluateMany } from './evaluate-eligibility.rule';
import type { EligibilityResult } from './evaluate-eligibility.rule';
import { RuleSetsService } from './rule-sets.service';
import type { RuleSetInForce } from './rule-sets.service';

/** Employees evaluated at a time in a department report. */
const EVALUATION_CHUNK = 2000;

/** Where each not-yet-eligible employee may land, in months from the as-of date. */
const PROJECTION_WINDOWS = [3, 6, 12] as const;

@Injectable()
export class EligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
    private readonly facts: EligibilityFactsLoader,
  ) {}

  /**
   * One employee against one target class, or against every class the department designates
   * ELTPA on the as-of date (designationAt: that fiscal year's designation, else the latest
   * earlier one) that has rules in force. Outside the caller's scope: 404.
   */
  async forEmployee(
    employeeId: string,
    query: EmployeeEligibilityQueryDto,
    actor: Actor,
  ): Promise<EmployeeEligibilityDto> {
    const manager = this.dataSource.manager;
    const employee = await findVisibleEmployee(manager, employeeId, actor);
    const asOf = query.asOf ?? programToday();
    const targets =
      query.target !== undefined
        ? [await this.targetRuleSet(manager, query.target, asOf)]
        : await this.eltpaRuleSets(manager, employee.departmentId, asOf);
    const loaded = await this.facts.forEmployee(manager, employee.id, asOf);
    if (!loaded) throw DomainError.notFound('Employee');
    return {
      employeeId: employee.id,
      asOf,
      targets: targets.map((target) =>
        toTargetEligibilityDto(evaluateOne(loaded.facts, target, asOf), target.record),
      ),
    };
  }

  /**
   * Everyone on the department's rolls on the as-of date against one target class, in one
   * batch: facts loaded in a few set-based queries, the rule set compiled once.
   */
  async forDepartment(
    departmentId: string,
    query: DepartmentEligibilityQueryDto,
    actor: Actor,
  ): Promise<DepartmentEligibilityDto> {
    const manager = this.dataSource.manager;
    const scope = readableDepartmentId(actor.user);
    if (
      (scope !== null && scope !== departmentId) ||
      !(await manager.existsBy(Department, { id: departmentId }))
    ) {
      throw DomainError.notFound('Department');
    }
    const asOf = query.asOf ?? programToday();
    const target = await this.targetRuleSet(manager, query.target, asOf);
    const employees = await this.facts.forDepartment(manager, departmentId, asOf);
    return departmentReport(departmentId, asOf, target, employees);
  }

  /** The rules of one class in force on the date, or 404. */
  async targetRuleSet(
    manager: EntityManager,
    classCode: string,
    asOf: string,
  ): Promise<RuleSetInForce> {
    const classification = await manager.findOneBy(Classification, { classCode });
    const inForce = classification
      ? await this.ruleSets.ruleSetInForce(classification.id, asOf, manager)
      : null;
    if (!inForce) {
      throw new DomainError('NOT_FOUND', `No rules for class ${classCode} are in force on ${asOf}`);
    }
    return inForce;
  }

  private async eltpaRuleSets(
    manager: EntityManager,
    departmentId: string,
    asOf: string,
  ): Promise<RuleSetInForce[]> {
    const rows: {
      classificationId: string;
      classCode: string;
      fiscalYear: string;
      designation: UmDesignation;
    }[] = await manager.query(
      `SELECT d.classification_id AS "classificationId", c.class_code AS "classCode",
              d.fiscal_year AS "fiscalYear", d.designation::text AS "designation"
         FROM um_designations d JOIN classifications c ON c.id = d.classification_id
        WHERE d.department_id = $1 AND d.fiscal_year <= $2`,
      [departmentId, fiscalYearOf(asOf)],
    );
    const designations: ClassDesignation[] = rows.map((row) => ({
      classCode: row.classCode,
      fiscalYear: row.fiscalYear.trim(),
      designation: row.designation,
    }));
    const eltpa = [...new Map(rows.map((row) => [row.classCode, row.classificationId]))].filter(
      ([classCode]) => designationAt(designations, classCode, asOf) === 'ELTPA',
    );
    const inForce = await this.ruleSets.inForce(
      manager,
      eltpa.map(([, id]) => id),
      asOf,
    );
    return [...inForce.values()].sort((a, b) =>
      a.ruleSet.classCode.localeCompare(b.ruleSet.classCode),
    );
  }
}

/** Unusable facts of one employee are a data problem to fix, named field by field: 422. */
export function evaluateOne(
  facts: EmployeeFacts,
  target: RuleSetInForce,
  asOf: string,
): EligibilityResult {
  try {
    return evaluateEligibility(facts, target.ruleSet, asOf);
  } catch (error) {
    if (error instanceof InvalidEmployeeFactsError) {
      throw new DomainError(
        'RULE_VIOLATION',
        'The employee’s records cannot be evaluated: correct them first',
        error.problems.map((problem) => ({
          field: `records.${problem.path}`,
          message: problem.message,
        })),
      );
    }
    throw error;
  }
}

/** The class held under the appointment in force on the as-of date, if any. */
function classInForce(facts: EmployeeFacts, asOf: string): string | null {
  const open = facts.appointments.find((fact) => fact.start <= asOf && fact.end === null);
  return open?.classCode ?? null;
}

/**
 * Counts and lists for one department. Employees already in the target class are not
 * candidates and are only counted; employees whose records the evaluator cannot use are listed
 * with their problems instead of failing the whole department.
 */
export function departmentReport(
  departmentId: string,
  asOf: string,
  target: RuleSetInForce,
  employees: readonly LoadedEmployee[],
): DepartmentEligibilityDto {
  const classCode = target.ruleSet.classCode;
  const candidates = employees.filter(
    (employee) => classInForce(employee.facts, asOf) !== classCode,
  );
  const windowEnds = PROJECTION_WINDOWS.map((months) => addCalendarMonths(asOf, months));
  const eligible: EligibleEmployeeDto[] = [];
  const examEligible: EligibleEmployeeDto[] = [];
  const within: EligibleEmployeeDto[][] = PROJECTION_WINDOWS.map(() => []);
  const unusable: UnusableRecordDto[] = [];
  let evaluated = 0;
  // In chunks: each chunk's full results (explanations and all) are dropped as soon as they are
  // summed up, instead of tens of thousands of them being kept alive at once.
  for (let start = 0; start < candidates.length; start += EVALUATION_CHUNK) {
    const batch = evaluateBatch(candidates.slice(start, start + EVALUATION_CHUNK), target, asOf);
    unusable.push(...batch.unusable);
    evaluated += batch.results.length;
    batch.results.forEach((result, index) => {
      const employee = batch.usable[index].summary;
      const nearest = result.patterns.find((p) => p.patternId === result.nearestPatternId);
      const entry: EligibleEmployeeDto = {
        id: employee.id,
        employeeNumber: employee.employeeNumber,
        firstName: employee.firstName,
        lastName: employee.lastName,
        classCode: employee.classCode,
        status: result.status,
        nearestPatternId: result.nearestPatternId,
        projectedMetOn: result.status === 'ELIGIBLE' ? null : (nearest?.projectedMetOn ?? null),
      };
      if (result.status === 'ELIGIBLE') {
        eligible.push(entry);
        return;
      }
      if (result.status === 'EXAM_ELIGIBLE') examEligible.push(entry);
      const projected = entry.projectedMetOn;
      if (projected === null) return;
      windowEnds.forEach((end, window) => {
        if (projected <= end) within[window].push(entry);
      });
    });
  }
  const byDate = (a: EligibleEmployeeDto, b: EligibleEmployeeDto): number =>
    (a.projectedMetOn ?? '') < (b.projectedMetOn ?? '')
      ? -1
      : (a.projectedMetOn ?? '') > (b.projectedMetOn ?? '')
        ? 1
        : 0;
  within.forEach((list) => list.sort(byDate));

  return {
    departmentId,
    asOf,
    classCode,
    title: target.ruleSet.title,
    ruleSetId: target.record.id,
    ruleSetEffectiveFrom: target.record.effectiveFrom,
    illustrative: target.record.illustrative,
    counts: {
      evaluated,
      eligible: eligible.length,
      examEligible: examEligible.length,
      within3Months: within[0].length,
      within6Months: within[1].length,
      within12Months: within[2].length,
      alreadyInTargetClass: employees.length - candidates.length,
      unusable: unusable.length,
    },
    eligible,
    examEligible,
    within3Months: within[0],
    within6Months: within[1],
    within12Months: within[2],
    unusableRecords: unusable,
  };
}

/**
 * `evaluateMany` over the batch. Should one employee's records be unusable (the evaluator
 * refuses the whole batch then), the batch is split into usable and unusable records and the
 * usable ones evaluated again: a bad record never hides everybody else.
 */
function evaluateBatch(
  employees: readonly LoadedEmployee[],
  target: RuleSetInForce,
  asOf: string,
): {
  results: EligibilityResult[];
  usable: readonly LoadedEmployee[];
  unusable: UnusableRecordDto[];
} {
  try {
    return {
      results: evaluateMany(
        employees.map((employee) => employee.facts),
        target.ruleSet,
        asOf,
      ),
      usable: employees,
      unusable: [],
    };
  } catch (error) {
    if (!(error instanceof InvalidEmployeeFactsError)) throw error;
  }
  const readDate = createDateReader();
  const usable: LoadedEmployee[] = [];
  const unusable: UnusableRecordDto[] = [];
  for (const employee of employees) {
    const preparation = prepareEmployeeFacts(employee.facts, readDate);
    if (preparation.ok) usable.push(employee);
    else {
      unusable.push({
        id: employee.summary.id,
        employeeNumber: employee.summary.employeeNumber,
        problems: preparation.problems.map((problem) => `${problem.path} ${problem.message}`),
      });
    }
  }
  return {
    results: evaluateMany(
      usable.map((employee) => employee.facts),
      target.ruleSet,
      asOf,
    ),
    usable,
    unusable,
  };
}
