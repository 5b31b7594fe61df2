import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../common/auth/auth-user';
import { readableDepartmentId } from '../../../common/auth/department-scope';
import { DomainError } from '../../../common/errors/domain-error';
import { fiscalYearOf, parseFiscalYear } from '../../program-calendar/fiscal-year.rule';
import { PROGRAM_TIME_ZONE, programToday } from '../../program-calendar/program-date';
import { AnnualReportQueries } from '../annual-report.queries';
import { EligibilityPipeline } from '../eligibility-pipeline.service';
import {
  conversationCutoff,
  listOf,
  moveGoalStatus,
  overStateTimeCap,
  participationByTimeBase,
  plansWithoutRecentConversation,
  staleReportedTraining,
  tdAssignmentsNearLimit,
  tdEarlyEndsNotHonoured,
  withoutApprovedPlan,
} from './exceptions.rule';
import type {
  ApprovedPlanRow,
  DesignatedEmployee,
  ExceptionList,
  GoalStatus,
  OverCap,
  ParticipationByTimeBase,
  ReportedTrainingRow,
  StaleTraining,
  StateTimeHoursRow,
  TdAssignmentRow,
  TdLateEarlyEnd,
  TdNearLimit,
} from './exceptions.rule';

export interface ExceptionsReport {
  departmentId: string;
  asOf: string;
  fiscalYear: string;
  withoutApprovedPlan: ExceptionList<DesignatedEmployee>;
  conversationOverdue: ExceptionList<ApprovedPlanRow> & { since: string };
  unverifiedTraining: ExceptionList<StaleTraining>;
  stateTimeCapExceeded: ExceptionList<OverCap> & { capHours: number | null };
  tdNearLimit: ExceptionList<TdNearLimit>;
  tdEarlyEndNotHonoured: ExceptionList<TdLateEarlyEnd>;
  participation: ParticipationByTimeBase;
  goals: GoalStatus;
}

/** Columns naming an employee `e` with class `c`, as the rule's EmployeeRef. */
const EMPLOYEE_COLUMNS = `e.id AS "employeeId", e.employee_number AS "employeeNumber",
  (e.first_name || ' ' || e.last_name) AS name, c.class_code AS "classCode"`;

/** Reported (created) on, as a Pacific calendar date. */
const CREATED_ON = `to_char(t.created_at AT TIME ZONE '${PROGRAM_TIME_ZONE}', 'YYYY-MM-DD')`;

interface DepartmentFacts {
  capHours: number | null;
  moveGoal: number | null;
  actualMoves: number;
}

/**
 * The compliance exceptions report: one set-based query per kind of record (no per-employee
 * round trips), classified into sections by exceptions.rule. Read-only, so nothing is audited.
 */
@Injectable()
export class ExceptionsReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pipeline: EligibilityPipeline,
    private readonly queries: AnnualReportQueries,
  ) {}

  async report(
    departmentId: string,
    asOfInput: string | undefined,
    actor: Actor,
  ): Promise<ExceptionsReport> {
    const scope = readableDepartmentId(actor.user);
    if (scope !== null && scope !== departmentId) throw DomainError.notFound('Department');
    const asOf = asOfInput ?? programToday();
    const fiscalYear = fiscalYearOf(asOf);
    const { start: fyStart, end: yearEnd } = parseFiscalYear(fiscalYear);

    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const facts = await this.departmentFacts(manager, departmentId, fiscalYear, fyStart, asOf);
      if (facts === null) throw DomainError.notFound('Department');
      const designated = await this.designatedEmployees(manager, departmentId, fiscalYear, asOf);
      const plans = await this.approvedPlans(manager, departmentId, asOf);
      const training = await this.reportedTraining(manager, departmentId, asOf);
      const hours = await this.stateTimeHours(manager, departmentId, fiscalYear);
      const td = await this.tdAssignments(manager, departmentId);
      return {
        departmentId,
        asOf,
        fiscalYear,
        withoutApprovedPlan: listOf(withoutApprovedPlan(designated)),
        conversationOverdue: {
          since: conversationCutoff(asOf),
          ...listOf(plansWithoutRecentConversation(plans, asOf)),
        },
        unverifiedTraining: listOf(staleReportedTraining(training, asOf)),
        stateTimeCapExceeded: {
          capHours: facts.capHours,
          ...listOf(overStateTimeCap(hours, facts.capHours)),
        },
        tdNearLimit: listOf(tdAssignmentsNearLimit(td, asOf)),
        tdEarlyEndNotHonoured: listOf(tdEarlyEndsNotHonoured(td, asOf, fyStart)),
        participation: participationByTimeBase(designated),
        goals: moveGoalStatus(
          facts.moveGoal,
          facts.actualMoves,
          (
            await this.pipeline.measure(
              manager,
              departmentId,
              { fiscalYear, asOf },
              await this.queries.eltpaClasses(manager, departmentId, fiscalYear),
            )
          ).eligibleBy(yearEnd),
          yearEnd,
        ),
      };
    });
  }

  private async departmentFacts(
    manager: EntityManager,
    departmentId: string,
    fiscalYear: string,
    fyStart: string,
    asOf: string,
  ): Promise<DepartmentFacts | null> {
    const rows: { capHours: number | null; moveGoal: number | null; actualMoves: number }[] =
      await manager.query(
        `SELECT d.state_time_training_cap_hours::float8 AS "capHours",
                (SELECT g.move_goal FROM annual_goals g
                  WHERE g.department_id = d.id AND g.fiscal_year = $2) AS "moveGoal",
                (SELECT count(*)::int FROM appointments a
                  WHERE a.department_id = d.id AND a.is_upward_mobility_move
                    AND a.effective_date BETWEEN $3::date AND $4::date) AS "actualMoves"
           FROM departments d WHERE d.id = $1`,
        [departmentId, fiscalYear, fyStart, asOf],
      );
    return rows[0] ?? null;
  }

  /** Active employees whose current class is LPEL or bridging in the FY. */
  private async designatedEmployees(
    manager: EntityManager,
    departmentId: string,
    fiscalYear: string,
    asOf: string,
  ): Promise<DesignatedEmployee[]> {
    const rows: (Omit<DesignatedEmployee, 'timeBaseFraction'> & { timeBaseFraction: string })[] =
      await manager.query(
        `SELECT ${EMPLOYEE_COLUMNS}, u.designation::text AS designation,
                e.time_base_fraction AS "timeBaseFraction",
                EXISTS (SELECT 1 FROM career_plans p
                         WHERE p.employee_id = e.id AND p.state = 'APPROVED') AS "hasApprovedPlan",
                EXISTS (SELECT 1 FROM program_participations pp
                         WHERE pp.employee_id = e.id AND pp.started_on <= $3::date
                           AND (pp.withdrawn_on IS NULL OR pp.withdrawn_on > $3::date))
                  AS participating
           FROM employees e
           JOIN classifications c ON c.id = e.classification_id
           JOIN um_designations u ON u.classification_id = e.classification_id
            AND u.department_id = e.department_id AND u.fiscal_year = $2
            AND u.designation IN ('LPEL', 'BRIDGING')
          WHERE e.department_id = $1 AND e.status = 'ACTIVE'
          ORDER BY e.last_name, e.first_name, e.employee_number`,
        [departmentId, fiscalYear, asOf],
      );
    return rows.map((row) => ({ ...row, timeBaseFraction: Number(row.timeBaseFraction) }));
  }

  /** Approved plans of active employees with their last conversation on or before asOf. */
  private async approvedPlans(
    manager: EntityManager,
    departmentId: string,
    asOf: string,
  ): Promise<ApprovedPlanRow[]> {
    const rows: ApprovedPlanRow[] = await manager.query(
      `SELECT ${EMPLOYEE_COLUMNS}, p.id AS "planId",
              to_char(lc.held_on, 'YYYY-MM-DD') AS "lastConversationOn"
         FROM career_plans p
         JOIN employees e ON e.id = p.employee_id
         JOIN classifications c ON c.id = e.classification_id
         LEFT JOIN (SELECT employee_id, max(held_on) AS held_on FROM career_conversations
                     WHERE held_on <= $2::date GROUP BY employee_id) lc
           ON lc.employee_id = e.id
        WHERE p.department_id = $1 AND p.state = 'APPROVED' AND e.status = 'ACTIVE'
        ORDER BY e.last_name, e.first_name, e.employee_number`,
      [departmentId, asOf],
    );
    return rows;
  }

  /** Training records still REPORTED, reported on or before asOf. */
  private async reportedTraining(
    manager: EntityManager,
    departmentId: string,
    asOf: string,
  ): Promise<ReportedTrainingRow[]> {
    const rows: ReportedTrainingRow[] = await manager.query(
      `SELECT ${EMPLOYEE_COLUMNS}, t.id AS "trainingRecordId", t.title, ${CREATED_ON} AS "reportedOn"
         FROM training_records t
         JOIN employees e ON e.id = t.employee_id
         JOIN classifications c ON c.id = e.classification_id
        WHERE t.department_id = $1 AND t.status = 'REPORTED'
          AND (t.created_at AT TIME ZONE '${PROGRAM_TIME_ZONE}')::date <= $2::date
        ORDER BY t.created_at, t.id`,
      [departmentId, asOf],
    );
    return rows;
  }

  /** State-time training hours (REPORTED + VERIFIED) per employee in the FY. */
  private async stateTimeHours(
    manager: EntityManager,
    departmentId: string,
    fiscalYear: string,
  ): Promise<StateTimeHoursRow[]> {
    const rows: StateTimeHoursRow[] = await manager.query(
      `SELECT ${EMPLOYEE_COLUMNS}, sum(t.hours)::float8 AS hours
         FROM training_records t
         JOIN employees e ON e.id = t.employee_id
         JOIN classifications c ON c.id = e.classification_id
        WHERE t.department_id = $1 AND t.fiscal_year = $2 AND t.on_state_time
          AND t.status IN ('REPORTED', 'VERIFIED')
        GROUP BY e.id, c.id
        ORDER BY e.last_name, e.first_name, e.employee_number`,
      [departmentId, fiscalYear],
    );
    return rows;
  }

  /** Every T&D assignment of the department's employees (the limit spans all of them). */
  private async tdAssignments(
    manager: EntityManager,
    departmentId: string,
  ): Promise<TdAssignmentRow[]> {
    const rows: (Omit<TdAssignmentRow, 'timeBaseFraction'> & { timeBaseFraction: string })[] =
      await manager.query(
        `SELECT ${EMPLOYEE_COLUMNS}, t.id AS "assignmentId",
                to_char(t.start_date, 'YYYY-MM-DD') AS "startDate",
                to_char(t.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate",
                to_char(t.actual_end_date, 'YYYY-MM-DD') AS "actualEndDate",
                t.time_base_fraction AS "timeBaseFraction",
                to_char(t.early_end_requested_on, 'YYYY-MM-DD') AS "earlyEndRequestedOn"
           FROM td_assignments t
           JOIN employees e ON e.id = t.employee_id
           JOIN classifications c ON c.id = e.classification_id
          WHERE e.department_id = $1
          ORDER BY e.last_name, e.first_name, e.employee_number, t.start_date, t.id`,
        [departmentId],
      );
    return rows.map((row) => ({ ...row, timeBaseFraction: Number(row.timeBaseFraction) }));
  }
}
