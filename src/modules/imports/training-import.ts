import { diffForAudit } from '../audit/audit-changes.rule';
import type { AuditRecord } from '../audit/audit.service';
import { programToday } from '../program-calendar/program-date';
import type { CopyValue } from '../../database/copy-writer';
import type { RowCells } from './import-cells.rule';
import { TRAINING_COLUMNS } from './import-layout';
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
import { validateTrainingRow } from './training-row.rule';

const STAGING = 'import_training_rows';
/** The staged rows with their employee, stored record and action (see afterLoad). */
const PLAN = 'import_training_plan';

/** The stored record's columns training.service's audit view shows, as its property names. */
const RECORD_VIEW_COLUMNS: [string, string][] = [
  ['employee_id', 'employeeId'],
  ['title', 'title'],
  ['provider', 'provider'],
  ['kind', 'kind'],
  ['hours', 'hours'],
  ['semester_units', 'semesterUnits'],
  ['start_date::text', 'startDate'],
  ['completion_date::text', 'completionDate'],
  ['fiscal_year', 'fiscalYear'],
  ['on_state_time', 'onStateTime'],
  ['cost', 'cost'],
  ['plan_activity_id', 'planActivityId'],
  ['status', 'status'],
  ['verified_by', 'verifiedBy'],
  ['rejection_reason', 'rejectionReason'],
  ['exceeds_state_time_cap', 'exceedsStateTimeCap'],
];
const NUMERIC_VIEW_FIELDS = new Set(['hours', 'semesterUnits', 'cost']);

function viewColumns(alias: string, prefix: string): string {
  return RECORD_VIEW_COLUMNS.map(
    ([column, property]) => `${alias}.${column} AS "${prefix}${property}"`,
  ).join(', ');
}

/**
 * What the audit log keeps of a training record: the same fields, numbers as numbers, as
 * TrainingService records for a record entered by hand.
 */
export function trainingRecordAuditView(
  raw: Record<string, unknown>,
  prefix: string,
): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [, property] of RECORD_VIEW_COLUMNS) {
    const value = raw[`${prefix}${property}`] ?? null;
    view[property] = NUMERIC_VIEW_FIELDS.has(property) && value !== null ? Number(value) : value;
  }
  return view;
}

/**
 * Training records keyed by employee + title + start date + completion date. New and updated
 * records are REPORTED: a coordinator verifies them, as for any reported training. A record
 * already VERIFIED or REJECTED is never changed by an import (the row is refused if it differs).
 */
export class TrainingImportJob implements ImportJob {
  readonly rowsTable = PLAN;

  readonly stagingDdl = `CREATE TEMP TABLE ${STAGING} (
      row_number integer NOT NULL,
      valid boolean NOT NULL,
      employee_number text,
      title text,
      provider text,
      kind text,
      hours numeric,
      semester_units numeric,
      start_date date,
      completion_date date,
      fiscal_year text,
      on_state_time boolean,
      cost numeric
    ) ON COMMIT DROP`;

  readonly copySql = `COPY ${STAGING} (row_number, valid, employee_number, title, provider, kind,
      hours, semester_units, start_date, completion_date, fiscal_year, on_state_time, cost)
      FROM STDIN`;

  readonly columnOrder = TRAINING_COLUMNS.map((column) => column.name);

  private today = programToday();

  prepare(): Promise<void> {
    this.today = programToday();
    return Promise.resolve();
  }

  stage(cells: RowCells): StagedRow {
    const { row, problems } = validateTrainingRow(cells, { today: this.today });
    if (row.employeeNumber === null) return { problems, values: null };
    const values: CopyValue[] = [
      row.employeeNumber,
      row.title,
      row.provider,
      row.kind,
      row.hours,
      row.semesterUnits,
      row.startDate,
      row.completionDate,
      row.fiscalYear,
      row.onStateTime,
      row.cost,
    ];
    return { problems, values };
  }

  /**
   * The plan, in one statement (one pass over the staged rows): each row's employee, the stored
   * record its key names (how many: more than one is refused), a new id when there is none, and
   * what applying it would do.
   */
  async afterLoad(context: ImportJobContext): Promise<void> {
    const { queryRunner, departmentId, present } = context;
    const changed = this.changedColumns(present)
      .map(([column, expression]) => `r.${column} IS DISTINCT FROM ${expression}`)
      .join(' OR ');
    await queryRunner.query(
      `CREATE TEMP TABLE ${PLAN} ON COMMIT DROP AS
       WITH keyed AS (
         SELECT staged.*, employee.id AS employee_id
           FROM ${STAGING} staged
           LEFT JOIN employees employee
             ON employee.department_id = $1 AND employee.employee_number = staged.employee_number
       ),
       matched AS (
         SELECT keyed.row_number, count(*) AS count,
                (array_agg(stored.id ORDER BY stored.created_at, stored.id))[1] AS id
           FROM keyed
           JOIN training_records stored
             ON stored.department_id = $1 AND stored.employee_id = keyed.employee_id
            AND stored.completion_date = keyed.completion_date
            AND stored.start_date = keyed.start_date AND stored.title = keyed.title
          GROUP BY keyed.row_number
       )
       SELECT s.*, COALESCE(matched.count, 0) AS match_count, matched.id IS NULL AS is_new,
              COALESCE(matched.id, gen_random_uuid()) AS record_id, false AS rejected,
              CASE WHEN matched.id IS NULL THEN 'CREATE'
                   WHEN ${changed} THEN 'UPDATE'
                   ELSE 'UNCHANGED' END AS action
         FROM keyed s
         LEFT JOIN matched ON matched.row_number = s.row_number
         LEFT JOIN training_records r ON r.id = matched.id`,
      [departmentId],
    );
    await queryRunner.query(`ANALYZE ${PLAN}`);
  }

  async findProblems(context: ImportJobContext): Promise<ProblemBatch[]> {
    const { problemLimit: limit } = context;
    const changed = this.changedColumns(context.present);
    return [
      await problemQuery(
        context,
        'employee_number',
        checkSql(
          PLAN,
          `SELECT row_number, employee_number AS value,
                  'no employee with this number in the department' AS message
             FROM ${PLAN} WHERE employee_id IS NULL`,
          limit,
        ),
      ),
      await problemQuery(
        context,
        'title',
        checkSql(
          PLAN,
          `SELECT row_number, title AS value,
                  'the same employee, title, start and completion dates appear more than once in the file (first on row '
                    || first_row || ')' AS message
             FROM (SELECT row_number, title,
                          min(row_number) OVER (PARTITION BY employee_number, title, start_date,
                                                completion_date) AS first_row
                     FROM ${PLAN}
                    WHERE title IS NOT NULL AND start_date IS NOT NULL
                      AND completion_date IS NOT NULL) d
            WHERE row_number <> first_row`,
          limit,
        ),
      ),
      await problemQuery(
        context,
        'title',
        checkSql(
          PLAN,
          `SELECT row_number, title AS value,
                  'matches ' || match_count || ' training records already stored (same employee, '
                    || 'title and dates): correct them in the application first' AS message
             FROM ${PLAN} WHERE match_count > 1`,
          limit,
        ),
      ),
      await problemQuery(
        context,
        'title',
        checkSql(
          PLAN,
          `SELECT s.row_number, differences[1] AS column_name,
                  CASE differences[1] ${changed.map(([column, , fileValue]) => `WHEN '${column}' THEN ${fileValue}`).join(' ')} END
                    AS value,
                  'the stored record is ' || r.status || ': an import does not change a reviewed record'
                    || ' (it differs in ' || array_to_string(differences, ', ') || ')' AS message
             FROM ${PLAN} s
             JOIN training_records r ON r.id = s.record_id
             CROSS JOIN LATERAL (SELECT array_remove(ARRAY[${changed
               .map(
                 ([column, expression]) =>
                   `CASE WHEN r.${column} IS DISTINCT FROM ${expression} THEN '${column}' END`,
               )
               .join(', ')}], NULL) AS differences) d
            WHERE NOT s.is_new AND s.match_count = 1 AND s.valid AND r.status <> 'REPORTED'
              AND cardinality(differences) > 0`,
          limit,
        ),
      ),
    ];
  }

  /** Per changeable column: the value written (over `s` and the stored `r`) and the file's text. */
  private changedColumns(present: ReadonlySet<string>): [string, string, string][] {
    const columns: [string, string, string][] = [
      ['kind', 's.kind::training_records_kind_enum', 's.kind'],
      ['hours', 's.hours', 's.hours::text'],
      // Always the file's: the row rule ties semester units to the kind.
      ['semester_units', 's.semester_units', 's.semester_units::text'],
      ['on_state_time', 's.on_state_time', 's.on_state_time::text'],
    ];
    if (present.has('provider')) {
      columns.unshift(['provider', "COALESCE(s.provider, '')", 's.provider']);
    }
    if (present.has('cost')) columns.push(['cost', 's.cost', 's.cost::text']);
    return columns;
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
    const { queryRunner, departmentId, present, actor } = context;
    await queryRunner.query(
      `INSERT INTO training_records (id, department_id, employee_id, title, provider, kind, hours,
          semester_units, start_date, completion_date, fiscal_year, on_state_time, cost, status,
          reported_by, exceeds_state_time_cap, version)
       SELECT record_id, $1, employee_id, title, COALESCE(provider, ''),
              kind::training_records_kind_enum, hours, semester_units, start_date,
              completion_date, fiscal_year, on_state_time, cost, 'REPORTED', $2, false, 1
         FROM ${PLAN} WHERE action = 'CREATE'`,
      [departmentId, actor.user.id],
    );

    await lockAndKeepBefore(queryRunner, 'training_records', PLAN, 'record_id');
    await queryRunner.query(
      `UPDATE training_records r
          SET ${this.changedColumns(present)
            .map(([column, expression]) => `${column} = ${expression}`)
            .join(', ')},
              version = r.version + 1, updated_at = now()
         FROM ${PLAN} s WHERE r.id = s.record_id AND s.action = 'UPDATE'`,
    );
    await this.flagStateTimeCap(context);

    await auditBatches(
      queryRunner,
      `SELECT s.action, ${viewColumns('r', 'after_')}, ${viewColumns('b', 'before_')}, r.id
         FROM ${PLAN} s
         JOIN training_records r ON r.id = s.record_id
         LEFT JOIN import_before b ON b.id = s.record_id
        WHERE s.action IN ('CREATE', 'UPDATE')
        ORDER BY s.row_number`,
      (raw): AuditRecord => {
        const created = raw.action === 'CREATE';
        return {
          action: created ? 'CREATE' : 'UPDATE',
          entityType: 'training_record',
          entityId: String(raw.id),
          departmentId,
          changes: diffForAudit(
            created ? null : trainingRecordAuditView(raw, 'before_'),
            trainingRecordAuditView(raw, 'after_'),
          ),
        };
      },
      audit,
      progress,
      counts.created + counts.updated,
    );
  }

  /**
   * exceedsStateTimeCap (training-record.rule.ts), set-based: each new or updated state-time
   * record is flagged when the employee's counting state-time hours that fiscal year (not
   * REJECTED) up to and including it pass the department's cap, the records already stored
   * counting first and the file's in row order: as if they had been entered one by one.
   */
  private async flagStateTimeCap(context: ImportJobContext): Promise<void> {
    const { queryRunner, departmentId } = context;
    const departments: { cap: string | null }[] = await queryRunner.manager.query(
      'SELECT state_time_training_cap_hours AS cap FROM departments WHERE id = $1',
      [departmentId],
    );
    const cap = departments[0]?.cap ?? null;
    if (cap !== null) {
      await queryRunner.query(
        `WITH affected AS (
           SELECT record_id AS id, row_number FROM ${PLAN} WHERE action IN ('CREATE', 'UPDATE')
         ),
         scope AS (
           SELECT DISTINCT t.employee_id, t.fiscal_year
             FROM training_records t JOIN affected a ON a.id = t.id WHERE t.on_state_time
         ),
         running AS (
           SELECT t.id, a.id IS NOT NULL AS is_affected,
                  sum(t.hours) OVER (PARTITION BY t.employee_id, t.fiscal_year
                                     ORDER BY a.row_number NULLS FIRST, t.id
                                     ROWS UNBOUNDED PRECEDING) AS hours_so_far
             FROM training_records t
             JOIN scope ON scope.employee_id = t.employee_id AND scope.fiscal_year = t.fiscal_year
             LEFT JOIN affected a ON a.id = t.id
            WHERE t.on_state_time AND t.status <> 'REJECTED'
         )
         UPDATE training_records t SET exceeds_state_time_cap = running.hours_so_far > $1::numeric
           FROM running
          WHERE t.id = running.id AND running.is_affected
            AND t.exceeds_state_time_cap IS DISTINCT FROM (running.hours_so_far > $1::numeric)`,
        [cap],
      );
    }
    // Not on state time, or no cap: never flagged.
    await queryRunner.query(
      `UPDATE training_records t SET exceeds_state_time_cap = false
         FROM ${PLAN} s
        WHERE t.id = s.record_id AND s.action = 'UPDATE' AND t.exceeds_state_time_cap
          AND (NOT t.on_state_time OR $1::numeric IS NULL)`,
      [cap],
    );
  }
}
