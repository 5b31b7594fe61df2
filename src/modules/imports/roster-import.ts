import type { QueryRunner } from 'typeorm';
import { diffForAudit } from '../audit/audit-changes.rule';
import type { AuditRecord } from '../audit/audit.service';
import { Employee } from '../employees/employee.entity';
import { employeeAuditView } from '../employees/employees.service';
import type { CopyValue } from '../../database/copy-writer';
import type { RowCells } from './import-cells.rule';
import { ROSTER_COLUMNS } from './import-layout';
import { problemQuery } from './import-job';
import type {
  ApplyProgress,
  AuditSink,
  ImportCounts,
  ImportJob,
  ImportJobContext,
  ProblemBatch,
  StagedRow,
} from './import-job';
import { auditBatches, checkSql, countActions, lockAndKeepBefore } from './import-sql';
import { validateRosterRow } from './roster-row.rule';

const STAGING = 'import_roster_rows';
/** The staged rows with their employee, supervisor and action (see afterLoad). */
const PLAN = 'import_roster_plan';

/** The employee columns employeeAuditView reads, as entity property names. */
const EMPLOYEE_VIEW_COLUMNS: [string, string][] = [
  ['department_id', 'departmentId'],
  ['employee_number', 'employeeNumber'],
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['work_email', 'workEmail'],
  ['classification_id', 'classificationId'],
  ['position_number', 'positionNumber'],
  ['time_base', 'timeBase'],
  ['time_base_fraction', 'timeBaseFraction'],
  ['hire_date::text', 'hireDate'],
  ['supervisor_id', 'supervisorId'],
  ['status', 'status'],
  ['separated_on::text', 'separatedOn'],
  ['education_level', 'educationLevel'],
  ['college_semester_units', 'collegeSemesterUnits'],
  ['licenses', 'licenses'],
  ['ethnicities', 'ethnicities'],
  ['gender', 'gender'],
  ['disability', 'disability'],
  ['veteran', 'veteran'],
];

function viewColumns(alias: string, prefix: string): string {
  return EMPLOYEE_VIEW_COLUMNS.map(
    ([column, property]) => `${alias}.${column} AS "${prefix}${property}"`,
  ).join(', ');
}

function employeeOf(raw: Record<string, unknown>, prefix: string): Employee {
  const employee = new Employee();
  const fields = employee as unknown as Record<string, unknown>;
  for (const [, property] of EMPLOYEE_VIEW_COLUMNS) fields[property] = raw[`${prefix}${property}`];
  return employee;
}

/**
 * The payroll roster: employees keyed by employee number within the department, with their
 * current class, time base, supervisor and (optional) self-identification.
 */
export class RosterImportJob implements ImportJob {
  readonly rowsTable = PLAN;

  readonly stagingDdl = `CREATE TEMP TABLE ${STAGING} (
      row_number integer NOT NULL,
      valid boolean NOT NULL,
      employee_number text,
      first_name text,
      last_name text,
      work_email text,
      classification_id uuid,
      position_number text,
      time_base text,
      time_base_fraction numeric,
      hire_date date,
      supervisor_number text,
      ethnicities varchar[],
      gender text,
      disability text,
      veteran text
    ) ON COMMIT DROP`;

  readonly copySql = `COPY ${STAGING} (row_number, valid, employee_number, first_name, last_name,
      work_email, classification_id, position_number, time_base, time_base_fraction, hire_date,
      supervisor_number, ethnicities, gender, disability, veteran) FROM STDIN`;

  readonly columnOrder = ROSTER_COLUMNS.map((column) => column.name);

  private classIds = new Map<string, string>();

  async prepare(queryRunner: QueryRunner): Promise<void> {
    const classes: { id: string; class_code: string }[] = await queryRunner.manager.query(
      'SELECT id, class_code FROM classifications',
    );
    this.classIds = new Map(classes.map((row) => [row.class_code, row.id]));
  }

  stage(cells: RowCells): StagedRow {
    const { row, problems } = validateRosterRow(cells, {
      isKnownClass: (code) => this.classIds.has(code),
    });
    if (row.employeeNumber === null) return { problems, values: null };
    const values: CopyValue[] = [
      row.employeeNumber,
      row.firstName,
      row.lastName,
      row.workEmail,
      row.classCode === null ? null : (this.classIds.get(row.classCode) ?? null),
      row.positionNumber,
      row.timeBase,
      row.timeBaseFraction,
      row.hireDate,
      row.supervisorNumber,
      // Codes are upper-case letters and underscores: nothing to quote in an array literal.
      row.ethnicities === null ? null : `{${row.ethnicities.join(',')}}`,
      row.gender,
      row.disability,
      row.veteran,
    ];
    return { problems, values };
  }

  /**
   * The plan, in one statement (one pass over the staged rows): each row's employee (existing,
   * or a new id drawn now, so rows of the file can supervise each other), its supervisor
   * (in the file first, else in the department), and what applying it would do.
   */
  async afterLoad(context: ImportJobContext): Promise<void> {
    const { queryRunner, departmentId, present } = context;
    const changed = this.newValues(present, 'COALESCE(in_file.employee_id, in_department.id)')
      .map(([column, value]) => `e.${column} IS DISTINCT FROM ${value}`)
      .join(' OR ');
    await queryRunner.query(
      `CREATE TEMP TABLE ${PLAN} ON COMMIT DROP AS
       WITH keyed AS (
         SELECT staged.*, existing.id AS existing_id,
                COALESCE(existing.id, gen_random_uuid()) AS employee_id
           FROM ${STAGING} staged
           LEFT JOIN employees existing
             ON existing.department_id = $1 AND existing.employee_number = staged.employee_number
       ),
       first_of_number AS (
         SELECT DISTINCT ON (employee_number) employee_number, employee_id
           FROM keyed ORDER BY employee_number, row_number
       )
       SELECT s.*, COALESCE(in_file.employee_id, in_department.id) AS supervisor_id,
              false AS rejected,
              CASE WHEN s.existing_id IS NULL THEN 'CREATE'
                   WHEN ${changed} THEN 'UPDATE'
                   ELSE 'UNCHANGED' END AS action
         FROM keyed s
         LEFT JOIN first_of_number in_file ON in_file.employee_number = s.supervisor_number
         LEFT JOIN employees in_department
           ON in_department.department_id = $1
          AND in_department.employee_number = s.supervisor_number
         LEFT JOIN employees e ON e.id = s.existing_id`,
      [departmentId],
    );
    await queryRunner.query(`ANALYZE ${PLAN}`);
  }

  async findProblems(context: ImportJobContext): Promise<ProblemBatch[]> {
    const { problemLimit: limit, present } = context;
    const batches = [
      await problemQuery(
        context,
        'employee_number',
        checkSql(
          PLAN,
          `SELECT row_number, employee_number AS value,
                  'appears more than once in the file (first on row ' || first_row || ')' AS message
             FROM (SELECT row_number, employee_number,
                          min(row_number) OVER (PARTITION BY employee_number) AS first_row
                     FROM ${PLAN}) d
            WHERE row_number <> first_row`,
          limit,
        ),
      ),
      await problemQuery(
        context,
        'class_code',
        checkSql(
          PLAN,
          `SELECT s.row_number, new_class.class_code AS value,
                  'differs from the employee''s current class ' || current_class.class_code
                    || ': record a class change as an appointment (POST /employees/:id/appointments)'
                    AS message
             FROM ${PLAN} s
             JOIN employees e ON e.id = s.existing_id
             JOIN classifications current_class ON current_class.id = e.classification_id
             JOIN classifications new_class ON new_class.id = s.classification_id
            WHERE s.classification_id <> e.classification_id`,
          limit,
        ),
      ),
    ];
    if (present.has('supervisor_employee_number')) {
      batches.push(
        await problemQuery(
          context,
          'supervisor_employee_number',
          checkSql(
            PLAN,
            `SELECT row_number, supervisor_number AS value,
                    'no employee with this number in the department or in the file' AS message
               FROM ${PLAN} WHERE supervisor_number IS NOT NULL AND supervisor_id IS NULL`,
            limit,
          ),
        ),
        await this.reportingLoops(context),
      );
    }
    return batches;
  }

  /**
   * The reporting lines once the file is applied may not loop. Every loop contains an edge the
   * file changes, so the walk starts only there and follows supervisors upwards; a walk that
   * comes back to its start is a loop (each of its changed rows is reported).
   */
  private async reportingLoops(context: ImportJobContext): Promise<ProblemBatch> {
    const { queryRunner, departmentId, problemLimit } = context;
    await queryRunner.query(
      `CREATE TEMP TABLE import_reporting_lines ON COMMIT DROP AS
         SELECT DISTINCT ON (s.employee_number) s.employee_id AS id, s.supervisor_id,
                s.row_number, s.supervisor_id IS DISTINCT FROM e.supervisor_id AS changed
           FROM ${PLAN} s LEFT JOIN employees e ON e.id = s.existing_id
          ORDER BY s.employee_number, s.row_number`,
    );
    await queryRunner.query(
      `INSERT INTO import_reporting_lines (id, supervisor_id, row_number, changed)
       SELECT e.id, e.supervisor_id, NULL, false FROM employees e
        WHERE e.department_id = $1 AND e.supervisor_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${PLAN} s WHERE s.existing_id = e.id)`,
      [departmentId],
    );
    await queryRunner.query('CREATE INDEX ON import_reporting_lines (id)');
    await queryRunner.query('ANALYZE import_reporting_lines');
    return problemQuery(
      context,
      'supervisor_employee_number',
      checkSql(
        PLAN,
        `WITH RECURSIVE walk (row_number, start, current, depth) AS (
           SELECT row_number, id, supervisor_id, 1 FROM import_reporting_lines
            WHERE changed AND supervisor_id IS NOT NULL
           UNION ALL
           SELECT walk.row_number, walk.start, line.supervisor_id, walk.depth + 1
             FROM walk JOIN import_reporting_lines line ON line.id = walk.current
            WHERE walk.current <> walk.start AND walk.depth < 200
              AND line.supervisor_id IS NOT NULL
         )
         SELECT s.row_number, s.supervisor_number AS value,
                'the reporting line would loop: ' || s.employee_number
                  || ' would end up supervising themselves' AS message
           FROM walk JOIN ${PLAN} s ON s.row_number = walk.row_number
          WHERE walk.current = walk.start`,
        problemLimit,
      ),
    );
  }

  /**
   * Each column an import writes, as SQL over the file's row `s` and the employee `e`:
   * an absent optional column keeps the employee's value (and is left out).
   */
  private newValues(present: ReadonlySet<string>, supervisor: string): [string, string][] {
    const optional = (column: string, file: string, kept: string): string =>
      present.has(file) ? column : kept;
    const demographic = (column: string) =>
      present.has(column) ? `COALESCE(s.${column}, e.${column})` : `e.${column}`;
    return [
      ['first_name', 's.first_name'],
      ['last_name', 's.last_name'],
      ['work_email', optional('s.work_email', 'work_email', 'e.work_email')],
      ['position_number', optional('s.position_number', 'position_number', 'e.position_number')],
      ['time_base', 's.time_base::employees_time_base_enum'],
      ['time_base_fraction', 's.time_base_fraction'],
      ['hire_date', 's.hire_date'],
      ['supervisor_id', optional(supervisor, 'supervisor_employee_number', 'e.supervisor_id')],
      // The same codes in another order are the same answer: the recorded order is kept.
      [
        'ethnicities',
        present.has('ethnicities')
          ? `CASE WHEN s.ethnicities IS NULL
                    OR (s.ethnicities @> e.ethnicities AND s.ethnicities <@ e.ethnicities)
                  THEN e.ethnicities ELSE s.ethnicities END`
          : 'e.ethnicities',
      ],
      ['gender', demographic('gender')],
      ['disability', demographic('disability')],
      ['veteran', demographic('veteran')],
    ].filter(([column, value]) => value !== `e.${column}`) as [string, string][];
  }

  async classify(context: ImportJobContext): Promise<Omit<ImportCounts, 'rejected'>> {
    return countActions(context.queryRunner, PLAN);
  }

  async apply(
    context: ImportJobContext,
    counts: Omit<ImportCounts, 'rejected'>,
    audit: AuditSink,
    progress: ApplyProgress,
  ): Promise<void> {
    const { queryRunner, departmentId, present } = context;
    // Explicit ids (drawn in afterLoad) let rows of the file supervise each other; the
    // self-referencing foreign key is checked at the end of the statement.
    await queryRunner.query(
      `INSERT INTO employees (id, department_id, employee_number, first_name, last_name,
          work_email, classification_id, position_number, time_base, time_base_fraction,
          hire_date, supervisor_id, ethnicities, gender, disability, veteran, version)
       SELECT employee_id, $1, employee_number, first_name, last_name, work_email,
              classification_id, position_number, time_base::employees_time_base_enum,
              time_base_fraction, hire_date, supervisor_id, ethnicities, gender, disability,
              veteran, 1
         FROM ${PLAN} WHERE action = 'CREATE'`,
      [departmentId],
    );

    const values = this.newValues(present, 's.supervisor_id');
    await lockAndKeepBefore(queryRunner, 'employees', PLAN, 'employee_id');
    await queryRunner.query(
      `UPDATE employees e SET ${values.map(([column, value]) => `${column} = ${value}`).join(', ')},
              version = e.version + 1, updated_at = now()
         FROM ${PLAN} s WHERE e.id = s.employee_id AND s.action = 'UPDATE'`,
    );

    await auditBatches(
      queryRunner,
      `SELECT s.action, ${viewColumns('e', 'after_')}, ${viewColumns('b', 'before_')}, e.id
         FROM ${PLAN} s
         JOIN employees e ON e.id = s.employee_id
         LEFT JOIN import_before b ON b.id = s.employee_id
        WHERE s.action IN ('CREATE', 'UPDATE')
        ORDER BY s.row_number`,
      (raw): AuditRecord => {
        const created = raw.action === 'CREATE';
        return {
          action: created ? 'CREATE' : 'UPDATE',
          entityType: 'employee',
          entityId: String(raw.id),
          departmentId,
          changes: diffForAudit(
            created ? null : employeeAuditView(employeeOf(raw, 'before_')),
            employeeAuditView(employeeOf(raw, 'after_')),
          ),
        };
      },
      audit,
      progress,
      counts.created + counts.updated,
    );
  }
}
