import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmployeeEducationLevel, EmployeeFacts } from './employee-facts';
import { factsAsOf } from './employee-history.rule';
import type {
  AppointmentStep,
  ClassInfo,
  EmployeeHistory,
  ExamListRecord,
  TdAssignmentRecord,
  TrainingRecordRow,
} from './employee-history.rule';

const SORT_MEMORY = '64MB';

/** Who the facts are about, for lists. */
export interface EmployeeSummary {
  id: string;
  departmentId: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  /** The employee's class today. */
  classCode: string;
  classTitle: string;
}

export interface LoadedEmployee {
  summary: EmployeeSummary;
  facts: EmployeeFacts;
}

/** Which employees to load: a SQL condition on `e` (employees) and its parameters from $2. */
interface EmployeeFilter {
  sql: string;
  params: unknown[];
}

interface EmployeeRow {
  id: string;
  departmentId: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  classificationId: string;
  hireDate: string;
  separatedOn: string | null;
  timeBaseFraction: number;
  educationLevel: EmployeeEducationLevel | null;
  collegeSemesterUnits: number;
  licenses: string[] | null;
}

type Keyed<T> = T & { employeeId: string };

/** One employee's rows while they are gathered. */
interface AssembledHistory extends EmployeeHistory {
  row: EmployeeRow;
  appointments: AppointmentStep[];
  tdAssignments: TdAssignmentRecord[];
  training: TrainingRecordRow[];
  examLists: ExamListRecord[];
}

interface ClassRow extends ClassInfo {
  id: string;
  title: string;
}

/**
 * Gathers the facts eligibility is decided from, for one employee or a whole department, in a
 * fixed handful of set-based queries (employees, appointments, T&D assignments, verified
 * training, eligible lists, the classes they name) whatever the number of employees: never one
 * query per employee. Rows are turned into facts as of the date by `factsAsOf`
 * (employee-history.rule.ts), which decides what counts; the SQL only leaves out what cannot.
 *
 * Numbers and dates are cast in SQL (`::float8`, `::text`) so that pg hands back plain values.
 */
@Injectable()
export class EligibilityFactsLoader {
  /** The employee's facts, whatever their status; null when there is no such employee. */
  async forEmployee(
    manager: EntityManager,
    employeeId: string,
    asOf: string,
  ): Promise<LoadedEmployee | null> {
    const loaded = await this.load(manager, { sql: 'e.id = $2', params: [employeeId] }, asOf);
    return loaded[0] ?? null;
  }

  /** These employees' facts (those that exist), ordered by name: a department's pipeline loads
   * only its LPEL/bridging employees, not everyone on the rolls. */
  forEmployees(
    manager: EntityManager,
    employeeIds: readonly string[],
    asOf: string,
  ): Promise<LoadedEmployee[]> {
    if (employeeIds.length === 0) return Promise.resolve([]);
    return this.load(manager, { sql: 'e.id = ANY($2::uuid[])', params: [[...employeeIds]] }, asOf);
  }

  /**
   * Every employee of the department who is on the rolls on the as-of date (hired by then and
   * not separated by then), ordered by name.
   */
  forDepartment(
    manager: EntityManager,
    departmentId: string,
    asOf: string,
  ): Promise<LoadedEmployee[]> {
    return this.load(
      manager,
      {
        sql: `e.department_id = $2 AND e.hire_date <= $1
              AND (e.status = 'ACTIVE' OR e.separated_on > $1)`,
        params: [departmentId],
      },
      asOf,
    );
  }

  /**
   * The queries see one snapshot (REPEATABLE READ, read only): a report never mixes an
   * employee's rows from before and after a concurrent change. Inside the caller's transaction
   * they simply run there. More sort memory than the default keeps the appointment sort of a
   * large department off the disk.
   */
  private load(
    manager: EntityManager,
    filter: EmployeeFilter,
    asOf: string,
  ): Promise<LoadedEmployee[]> {
    if (manager.queryRunner?.isTransactionActive) return this.loadIn(manager, filter, asOf);
    return manager.connection.transaction('REPEATABLE READ', async (snapshot) => {
      await snapshot.query('SET TRANSACTION READ ONLY');
      await snapshot.query(`SET LOCAL work_mem = '${SORT_MEMORY}'`);
      return this.loadIn(snapshot, filter, asOf);
    });
  }

  private async loadIn(
    manager: EntityManager,
    filter: EmployeeFilter,
    asOf: string,
  ): Promise<LoadedEmployee[]> {
    const params = [asOf, ...filter.params];
    const employees: EmployeeRow[] = await manager.query(
      `SELECT e.id, e.department_id AS "departmentId", e.employee_number AS "employeeNumber",
              e.first_name AS "firstName", e.last_name AS "lastName",
              e.classification_id AS "classificationId", e.hire_date::text AS "hireDate",
              e.separated_on::text AS "separatedOn",
              e.time_base_fraction::float8 AS "timeBaseFraction",
              e.education_level::text AS "educationLevel",
              e.college_semester_units::float8 AS "collegeSemesterUnits", e.licenses
         FROM employees e
        WHERE ${filter.sql} AND $1::date IS NOT NULL
        ORDER BY e.last_name, e.first_name, e.employee_number, e.id`,
      params,
    );
    if (employees.length === 0) return [];

    // All of them, also after the as-of date: a later step tells which class was held before it.
    const appointments: Keyed<AppointmentStep>[] = await manager.query(
      `SELECT a.employee_id AS "employeeId", a.effective_date::text AS "effectiveDate",
              a.type::text AS "type", a.from_classification_id AS "fromClassificationId",
              a.to_classification_id AS "toClassificationId",
              a.time_base_fraction::float8 AS "timeBaseFraction"
         FROM appointments a JOIN employees e ON e.id = a.employee_id
        WHERE ${filter.sql} AND $1::date IS NOT NULL
        ORDER BY a.effective_date, a.created_at, a.id`,
      params,
    );
    const tdAssignments: Keyed<TdAssignmentRecord>[] = await manager.query(
      `SELECT t.employee_id AS "employeeId", t.work_classification_id AS "workClassificationId",
              t.start_date::text AS "startDate", t.planned_end_date::text AS "plannedEndDate",
              t.actual_end_date::text AS "actualEndDate",
              t.time_base_fraction::float8 AS "timeBaseFraction"
         FROM td_assignments t JOIN employees e ON e.id = t.employee_id
        WHERE ${filter.sql} AND t.start_date <= $1
        ORDER BY t.start_date, t.id`,
      params,
    );
    const training: Keyed<TrainingRecordRow>[] = await manager.query(
      `SELECT r.employee_id AS "employeeId", r.title, r.kind::text AS "kind",
              r.hours::float8 AS "hours", r.completion_date::text AS "completionDate",
              r.status::text AS "status"
         FROM training_records r JOIN employees e ON e.id = r.employee_id
        WHERE ${filter.sql} AND r.status = 'VERIFIED' AND r.completion_date <= $1
        ORDER BY r.completion_date, r.id`,
      params,
    );
    const examLists: Keyed<ExamListRecord>[] = await manager.query(
      `SELECT x.employee_id AS "employeeId", x.classification_id AS "classificationId",
              x.list_date::text AS "listDate", x.expires_on::text AS "expiresOn"
         FROM exam_list_eligibilities x JOIN employees e ON e.id = x.employee_id
        WHERE ${filter.sql} AND x.list_date <= $1
        ORDER BY x.list_date, x.id`,
      params,
    );

    // The classes every row names, gathered without building intermediate lists.
    const classIds = new Set<string>();
    for (const row of employees) classIds.add(row.classificationId);
    for (const row of appointments) {
      if (row.fromClassificationId !== null) classIds.add(row.fromClassificationId);
      if (row.toClassificationId !== null) classIds.add(row.toClassificationId);
    }
    for (const row of tdAssignments) classIds.add(row.workClassificationId);
    for (const row of examLists) classIds.add(row.classificationId);
    const classes = await this.classes(manager, [...classIds]);

    // Rows are used as they come (their extra employeeId is harmless): tens of thousands of
    // employees are assembled here, so nothing is copied that need not be.
    const histories = new Map<string, AssembledHistory>();
    for (const row of employees) {
      histories.set(row.id, {
        row,
        employee: {
          id: row.id,
          classificationId: row.classificationId,
          hireDate: row.hireDate,
          separatedOn: row.separatedOn,
          timeBaseFraction: row.timeBaseFraction,
          educationLevel: row.educationLevel,
          collegeSemesterUnits: row.collegeSemesterUnits,
          licenses: row.licenses ?? [],
        },
        appointments: [],
        tdAssignments: [],
        training: [],
        examLists: [],
      });
    }
    for (const row of appointments) {
      histories.get(row.employeeId)?.appointments.push(row);
    }
    for (const row of tdAssignments) {
      histories.get(row.employeeId)?.tdAssignments.push(row);
    }
    for (const row of training) {
      histories.get(row.employeeId)?.training.push(row);
    }
    for (const row of examLists) {
      histories.get(row.employeeId)?.examLists.push(row);
    }

    const loaded: LoadedEmployee[] = [];
    for (const history of histories.values()) {
      const current = classes.get(history.row.classificationId);
      loaded.push({
        summary: {
          id: history.row.id,
          departmentId: history.row.departmentId,
          employeeNumber: history.row.employeeNumber,
          firstName: history.row.firstName,
          lastName: history.row.lastName,
          classCode: current?.classCode ?? '',
          classTitle: current?.title ?? '',
        },
        facts: factsAsOf(history, classes, asOf),
      });
    }
    return loaded;
  }

  private async classes(manager: EntityManager, ids: string[]): Promise<Map<string, ClassRow>> {
    const rows: ClassRow[] = await manager.query(
      `SELECT id, class_code AS "classCode", title,
              occupational_group::text AS "occupationalGroup", salary_low::float8 AS "salaryLow"
         FROM classifications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }
}
