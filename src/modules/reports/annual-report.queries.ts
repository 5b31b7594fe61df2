import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PROGRAM_TIME_ZONE } from '../program-calendar/program-date';
import type {
  DemographicCell,
  GoalRow,
  MoveTotalsRaw,
  ProgramCountsRaw,
  ReportPeriod,
} from './annual-report.builder';
import type { ClassDesignation } from './annual-report.types';

/**
 * The class an employee (alias `e`) held on a date (an SQL expression), as
 * `classInForceOn` (appointments/class-history.rule.ts) decides it: the target of the last
 * appointment on or before the date; else the class the first later appointment moved them
 * from; else the employee's current class.
 */
function classHeldOn(date: string): string {
  return `COALESCE(
    (SELECT a.to_classification_id FROM appointments a
      WHERE a.employee_id = e.id AND a.to_classification_id IS NOT NULL AND a.effective_date <= ${date}
      ORDER BY a.effective_date DESC, a.created_at DESC, a.id DESC LIMIT 1),
    (SELECT a.from_classification_id FROM appointments a
      WHERE a.employee_id = e.id AND a.from_classification_id IS NOT NULL AND a.effective_date > ${date}
      ORDER BY a.effective_date, a.created_at, a.id LIMIT 1),
    e.classification_id)`;
}

/** On the department's rolls on a date (as the eligibility loader decides it). */
function onRollsOn(date: string): string {
  return `e.hire_date <= ${date} AND (e.status = 'ACTIVE' OR e.separated_on > ${date})`;
}

/** The FY's LPEL and bridging classes; parameters $1 = department, $2 = fiscal year. */
const LPEL_OR_BRIDGING = `SELECT classification_id FROM um_designations
  WHERE department_id = $1 AND fiscal_year = $2 AND designation IN ('LPEL', 'BRIDGING')`;

export interface DepartmentRow {
  id: string;
  code: string;
  name: string;
  coordinatorName: string | null;
  smallCellThreshold: number;
}

export interface ClassRow {
  classCode: string;
  title: string;
  designation: ClassDesignation;
  ladderTargetClassCodes: string[];
  activeEmployees: number;
}

interface GoalDbRow {
  fiscalYear: string;
  moveGoal: number;
  moveGoalsByClass: { classCode: string; count: number }[] | null;
  participantGoal: number;
  planGoal: number;
  trainingHoursGoal: string;
  apprenticeGoal: number | null;
  budget: string | null;
  narrative: string;
  missedGoalsExplanation: string | null;
  twoYearPlan: string | null;
}

/**
 * The annual report's aggregate queries: one per kind of figure, each set-based (counts and
 * sums in SQL, no per-employee round trips). Counts are cast to int and sums of numeric columns
 * to float8 in SQL, so pg hands back plain numbers (a float8 prints as the shortest exact
 * decimal: sums of two-decimal hours and costs stay exact).
 */
@Injectable()
export class AnnualReportQueries {
  async department(manager: EntityManager, departmentId: string): Promise<DepartmentRow | null> {
    const rows: DepartmentRow[] = await manager.query(
      `SELECT d.id, d.code, d.name, u.display_name AS "coordinatorName",
              d.small_cell_threshold AS "smallCellThreshold"
         FROM departments d LEFT JOIN users u ON u.id = d.um_coordinator_user_id
        WHERE d.id = $1`,
      [departmentId],
    );
    return rows[0] ?? null;
  }

  /** The FY's designated classes with the employees on the rolls in each on the as-of date. */
  async classes(
    manager: EntityManager,
    departmentId: string,
    period: ReportPeriod,
  ): Promise<ClassRow[]> {
    const rows: ClassRow[] = await manager.query(
      `WITH roll AS (
         SELECT ${classHeldOn('$3::date')} AS class_id
           FROM employees e
          WHERE e.department_id = $1 AND ${onRollsOn('$3::date')}
       )
       SELECT c.class_code AS "classCode", c.title, d.designation::text AS designation,
              d.ladder_target_class_codes AS "ladderTargetClassCodes",
              count(r.class_id)::int AS "activeEmployees"
         FROM um_designations d
         JOIN classifications c ON c.id = d.classification_id
         LEFT JOIN roll r ON r.class_id = d.classification_id
        WHERE d.department_id = $1 AND d.fiscal_year = $2
        GROUP BY d.id, c.id
        ORDER BY array_position(ARRAY['LPEL', 'BRIDGING', 'ELTPA'], d.designation::text),
                 c.class_code`,
      [departmentId, period.fiscalYear, period.asOf],
    );
    return rows.map((row) => ({ ...row, ladderTargetClassCodes: row.ladderTargetClassCodes ?? [] }));
  }

  /** Applications, participation, plans, conversations, training and T&D of the FY. */
  async programCounts(
    manager: EntityManager,
    departmentId: string,
    period: ReportPeriod,
  ): Promise<ProgramCountsRaw> {
    const rows: ProgramCountsRaw[] = await manager.query(
      `WITH participants AS (
         SELECT DISTINCT p.employee_id FROM program_participations p
          WHERE p.department_id = $1 AND p.started_on <= $3
            AND (p.withdrawn_on IS NULL OR p.withdrawn_on >= $2)
       ),
       training AS (
         SELECT count(DISTINCT employee_id) AS people, count(*) AS records,
                COALESCE(sum(hours), 0) AS hours,
                COALESCE(sum(hours) FILTER (WHERE on_state_time), 0) AS state_hours,
                COALESCE(sum(hours) FILTER (WHERE NOT on_state_time), 0) AS own_hours,
                COALESCE(sum(cost), 0) AS cost
           FROM training_records
          WHERE department_id = $1 AND status = 'VERIFIED' AND fiscal_year = $4
       ),
       td AS (
         SELECT count(*) AS assignments, count(DISTINCT employee_id) AS employees
           FROM td_assignments
          WHERE department_id = $1 AND start_date <= $3
            AND COALESCE(actual_end_date, planned_end_date) >= $2
       ),
       applications AS (
         SELECT count(*) FILTER (WHERE submitted_on BETWEEN $2 AND $3) AS received,
                count(*) FILTER (WHERE status = 'ACCEPTED' AND decided_on BETWEEN $2 AND $3) AS accepted,
                count(*) FILTER (WHERE status = 'WAITLISTED' AND decided_on BETWEEN $2 AND $3) AS waitlisted,
                count(*) FILTER (WHERE status = 'DECLINED' AND decided_on BETWEEN $2 AND $3) AS declined
           FROM program_applications WHERE department_id = $1
       ),
       conversations AS (
         SELECT count(*) AS held, count(DISTINCT employee_id) AS employees
           FROM career_conversations
          WHERE department_id = $1 AND held_on BETWEEN $2 AND $3
       )
       SELECT a.received::int AS "applicationsReceived", a.accepted::int AS "applicationsAccepted",
              a.waitlisted::int AS "applicationsWaitlisted", a.declined::int AS "applicationsDeclined",
              (SELECT count(*) FROM participants)::int AS "participantsDuringYear",
              (SELECT count(DISTINCT employee_id) FROM program_participations
                WHERE department_id = $1 AND withdrawn_on BETWEEN $2 AND $3)::int
                AS "participantsWithdrawn",
              (SELECT count(*) FROM participants p WHERE EXISTS (
                 SELECT 1 FROM career_plans cp
                  WHERE cp.employee_id = p.employee_id AND cp.department_id = $1
                    AND cp.state IN ('APPROVED', 'COMPLETED')
                    AND (cp.approved_at IS NULL
                         OR (cp.approved_at AT TIME ZONE '${PROGRAM_TIME_ZONE}')::date <= $3)
              ))::int AS "participantsWithApprovedPlan",
              c.held::int AS "conversationsHeld", c.employees::int AS "conversationEmployees",
              t.people::int AS "trainingPeople", t.records::int AS "trainingRecords",
              t.hours::float8 AS "trainingHours", t.state_hours::float8 AS "trainingStateTimeHours",
              t.own_hours::float8 AS "trainingOwnTimeHours", t.cost::float8 AS "trainingCost",
              td.assignments::int AS "tdAssignments", td.employees::int AS "tdEmployees"
         FROM applications a, conversations c, training t, td`,
      [departmentId, period.start, period.end, period.fiscalYear],
    );
    return rows[0];
  }

  async trainingHoursByKind(
    manager: EntityManager,
    departmentId: string,
    period: ReportPeriod,
  ): Promise<{ kind: string; hours: number }[]> {
    return manager.query(
      `SELECT kind::text AS kind, sum(hours)::float8 AS hours
         FROM training_records
        WHERE department_id = $1 AND status = 'VERIFIED' AND fiscal_year = $2
        GROUP BY kind`,
      [departmentId, period.fiscalYear],
    );
  }

  /** Upward mobility moves by target class, in the FY and in the statutory calendar year. */
  async movesByClass(
    manager: EntityManager,
    departmentId: string,
    period: ReportPeriod,
  ): Promise<
    { classCode: string; title: string; fiscalYearMoves: number; calendarYearMoves: number }[]
  > {
    return manager.query(
      `SELECT c.class_code AS "classCode", c.title,
              count(*) FILTER (WHERE a.effective_date BETWEEN $2 AND $3)::int AS "fiscalYearMoves",
              count(*) FILTER (WHERE a.effective_date BETWEEN $4 AND $5)::int AS "calendarYearMoves"
         FROM appointments a JOIN classifications c ON c.id = a.to_classification_id
        WHERE a.department_id = $1 AND a.is_upward_mobility_move
          AND (a.effective_date BETWEEN $2 AND $3 OR a.effective_date BETWEEN $4 AND $5)
        GROUP BY c.class_code, c.title
        ORDER BY c.class_code`,
      [departmentId, period.start, period.end, period.calendarStart, period.calendarEnd],
    );
  }

  async moveTotals(
    manager: EntityManager,
    departmentId: string,
    period: ReportPeriod,
  ): Promise<MoveTotalsRaw> {
    const rows: MoveTotalsRaw[] = await manager.query(
      `SELECT count(*) FILTER (WHERE effective_date BETWEEN $2 AND $3)::int AS "fiscalYearMoves",
              count(DISTINCT employee_id) FILTER (WHERE effective_date BETWEEN $2 AND $3)::int
                AS "fiscalYearEmployees",
              count(*) FILTER (WHERE effective_date BETWEEN $4 AND $5)::int AS "calendarYearMoves",
              count(DISTINCT employee_id) FILTER (WHERE effective_date BETWEEN $4 AND $5)::int
                AS "calendarYearEmployees",
              count(*) FILTER (WHERE effective_date BETWEEN $6 AND $2::date - 1)::int
                AS "previousFiscalYearMoves"
         FROM appointments
        WHERE department_id = $1 AND is_upward_mobility_move
          AND effective_date BETWEEN $6 AND $3`,
      [
        departmentId,
        period.start,
        period.end,
        period.calendarStart,
        period.calendarEnd,
        period.previousStart,
      ],
    );
    return rows[0];
  }

  /** The goal records of the previous, this and the next FY. */
  async goals(
    manager: EntityManager,
    departmentId: string,
    period: ReportPeriod,
  ): Promise<{ previous: GoalRow | null; current: GoalRow | null; next: GoalRow | null }> {
    const rows: GoalDbRow[] = await manager.query(
      `SELECT fiscal_year AS "fiscalYear", move_goal AS "moveGoal",
              move_goals_by_class AS "moveGoalsByClass", participant_goal AS "participantGoal",
              plan_goal AS "planGoal", training_hours_goal::text AS "trainingHoursGoal",
              apprentice_goal AS "apprenticeGoal", budget::text AS budget, narrative,
              missed_goals_explanation AS "missedGoalsExplanation", two_year_plan AS "twoYearPlan"
         FROM annual_goals
        WHERE department_id = $1 AND fiscal_year IN ($2, $3, $4)`,
      [departmentId, period.previousFiscalYear, period.fiscalYear, period.nextFiscalYear],
    );
    const of = (fiscalYear: string): GoalRow | null => {
      const row = rows.find((candidate) => candidate.fiscalYear.trim() === fiscalYear);
      if (!row) return null;
      return {
        ...row,
        fiscalYear,
        moveGoalsByClass: row.moveGoalsByClass ?? [],
        trainingHoursGoal: Number(row.trainingHoursGoal),
        budget: row.budget === null ? null : Number(row.budget),
      };
    };
    return {
      previous: of(period.previousFiscalYear),
      current: of(period.fiscalYear),
      next: of(period.nextFiscalYear),
    };
  }

  /**
   * Employees in LPEL/bridging classes during the FY, grouped by their answers, with how many
   * were in each decision's pool and selected. One row per combination of answers: the groups
   * (ethnicity groups, "declined", "not provided") are formed by the builder.
   */
  async demographics(
    manager: EntityManager,
    departmentId: string,
    period: ReportPeriod,
  ): Promise<DemographicCell[]> {
    const rows: (Omit<DemographicCell, 'ethnicities'> & { ethnicities: string[] | null })[] =
      await manager.query(
        `WITH lb AS (${LPEL_OR_BRIDGING}),
         pool AS (
           SELECT e.id, e.ethnicities, e.gender, e.disability, e.veteran
             FROM employees e
            WHERE e.department_id = $1 AND e.hire_date <= $5
              AND (e.status = 'ACTIVE' OR e.separated_on > $3)
              AND (${classHeldOn('GREATEST($3::date, e.hire_date)')} IN (SELECT classification_id FROM lb)
                   OR EXISTS (SELECT 1 FROM appointments a
                               WHERE a.employee_id = e.id AND a.effective_date BETWEEN $3 AND $5
                                 AND a.to_classification_id IN (SELECT classification_id FROM lb)))
         ),
         flagged AS (
           SELECT p.*,
                  EXISTS (SELECT 1 FROM program_applications x
                           WHERE x.employee_id = p.id AND x.department_id = $1
                             AND x.decided_on BETWEEN $3 AND $4
                             AND x.status IN ('ACCEPTED', 'WAITLISTED', 'DECLINED')) AS applicant,
                  EXISTS (SELECT 1 FROM program_applications x
                           WHERE x.employee_id = p.id AND x.department_id = $1
                             AND x.decided_on BETWEEN $3 AND $4 AND x.status = 'ACCEPTED') AS accepted,
                  EXISTS (SELECT 1 FROM program_participations x
                           WHERE x.employee_id = p.id AND x.department_id = $1
                             AND x.started_on <= $4
                             AND (x.withdrawn_on IS NULL OR x.withdrawn_on >= $3)) AS participant,
                  EXISTS (SELECT 1 FROM career_plans x
                           WHERE x.employee_id = p.id AND x.department_id = $1
                             AND x.state IN ('APPROVED', 'COMPLETED')
                             AND (x.approved_at IS NULL
                                  OR (x.approved_at AT TIME ZONE '${PROGRAM_TIME_ZONE}')::date <= $4))
                    AS with_plan,
                  EXISTS (SELECT 1 FROM training_records x
                           WHERE x.employee_id = p.id AND x.department_id = $1
                             AND x.status = 'VERIFIED' AND x.fiscal_year = $2) AS trained,
                  EXISTS (SELECT 1 FROM td_assignments x
                           WHERE x.employee_id = p.id AND x.department_id = $1 AND x.start_date <= $4
                             AND COALESCE(x.actual_end_date, x.planned_end_date) >= $3) AS td,
                  EXISTS (SELECT 1 FROM appointments x
                           WHERE x.employee_id = p.id AND x.department_id = $1
                             AND x.is_upward_mobility_move
                             AND x.effective_date BETWEEN $3 AND $4) AS appointed
             FROM pool p
         )
         SELECT ARRAY(SELECT DISTINCT code FROM unnest(f.ethnicities) AS code ORDER BY code)
                  AS ethnicities,
                f.gender, f.disability, f.veteran,
                count(*)::int AS employees,
                count(*) FILTER (WHERE applicant)::int AS applicants,
                count(*) FILTER (WHERE applicant AND accepted)::int AS accepted,
                count(*) FILTER (WHERE participant)::int AS participants,
                count(*) FILTER (WHERE participant AND with_plan)::int AS "withApprovedPlan",
                count(*) FILTER (WHERE trained)::int AS trained,
                count(*) FILTER (WHERE td)::int AS "tdAssigned",
                count(*) FILTER (WHERE appointed)::int AS appointed
           FROM flagged f
          GROUP BY 1, 2, 3, 4
          ORDER BY 1, 2, 3, 4`,
        [departmentId, period.fiscalYear, period.start, period.end, period.asOf],
      );
    return rows.map((row) => ({ ...row, ethnicities: row.ethnicities ?? [] }));
  }

  /** Ids of the employees on the rolls on the as-of date in an LPEL or bridging class. */
  /** The FY's ELTPA classes, by class code: the eligibility pipeline's targets. */
  eltpaClasses(
    manager: EntityManager,
    departmentId: string,
    fiscalYear: string,
  ): Promise<{ classCode: string; title: string }[]> {
    return manager.query(
      `SELECT c.class_code AS "classCode", c.title
         FROM um_designations d JOIN classifications c ON c.id = d.classification_id
        WHERE d.department_id = $1 AND d.fiscal_year = $2 AND d.designation = 'ELTPA'
        ORDER BY c.class_code`,
      [departmentId, fiscalYear],
    );
  }

  async lpelOrBridgingOnAsOf(
    manager: EntityManager,
    departmentId: string,
    period: Pick<ReportPeriod, 'fiscalYear' | 'asOf'>,
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `WITH lb AS (${LPEL_OR_BRIDGING})
       SELECT e.id FROM employees e
        WHERE e.department_id = $1 AND ${onRollsOn('$3::date')}
          AND ${classHeldOn('$3::date')} IN (SELECT classification_id FROM lb)`,
      [departmentId, period.fiscalYear, period.asOf],
    );
    return new Set(rows.map((row) => row.id));
  }
}
