/**
 * One row of a training records file: its own cells checked with the training record rules
 * (training-record.rule.ts: quarter hours, semester units of a college course, dates in order
 * and not in the future) and its fiscal year taken from the completion date. Whether the
 * employee exists, duplicates and the records already stored are checked set-based afterwards
 * (training-import.ts). Pure.
 */
import { fiscalYearOf } from '../program-calendar/fiscal-year.rule';
import { trainingRecordProblems } from '../training/training-record.rule';
import type { TrainingKind } from '../training/training-record.entity';
import { RowReader } from './import-cells.rule';
import type { RowCells } from './import-cells.rule';
import { EMPLOYEE_NUMBER_PATTERN } from './roster-row.rule';
import type { RowValidation } from './roster-row.rule';

/** The entity's TRAINING_KINDS, restated so this rule imports no TypeORM (the spec compares). */
export const IMPORT_TRAINING_KINDS: readonly TrainingKind[] = [
  'CLASSROOM',
  'ONLINE',
  'COLLEGE_COURSE',
  'OJT',
  'MENTORING',
  'CONFERENCE',
];

/** numeric(10,2). */
export const MAX_TRAINING_COST = 99_999_999.99;

export interface TrainingRow {
  employeeNumber: string | null;
  title: string | null;
  provider: string | null;
  kind: TrainingKind | null;
  hours: number | null;
  semesterUnits: number | null;
  startDate: string | null;
  completionDate: string | null;
  /** From the completion date, e.g. `2025-26`. */
  fiscalYear: string | null;
  onStateTime: boolean | null;
  cost: number | null;
}

export interface TrainingRowContext {
  /** Today in California: a record reports training already completed. */
  today: string;
}

/** The rule's field names, as the file's columns. */
const COLUMN_OF_FIELD: Record<string, string> = {
  hours: 'hours',
  semesterUnits: 'semester_units',
  startDate: 'start_date',
  completionDate: 'completion_date',
};

export function validateTrainingRow(
  cells: RowCells,
  context: TrainingRowContext,
): RowValidation<TrainingRow> {
  const reader = new RowReader(cells);
  const employeeNumber = reader.matching(
    'employee_number',
    EMPLOYEE_NUMBER_PATTERN,
    '1-20 letters, digits or -',
    true,
  );
  const title = reader.text('title', 300, true);
  const provider = reader.text('provider', 200, false);
  const kind = reader.code('kind', IMPORT_TRAINING_KINDS, true);
  const hours = reader.decimal('hours', 2, true);
  const semesterUnits = reader.decimal('semester_units', 1, false);
  const startDate = reader.date('start_date', true);
  const completionDate = reader.date('completion_date', true);
  const onStateTime = reader.yesNo('on_state_time', true);
  let cost = reader.decimal('cost', 2, false);
  if (cost !== null && (cost < 0 || cost > MAX_TRAINING_COST)) {
    reader.problem('cost', `must be between 0 and ${MAX_TRAINING_COST}`);
    cost = null;
  }

  // The record rules, on what could be read; a cell already refused is not reported twice (nor
  // are semester units judged when the kind is unknown).
  const problems = trainingRecordProblems(
    {
      kind: kind ?? 'CLASSROOM',
      hours: hours ?? 1,
      semesterUnits: kind === null ? null : semesterUnits,
      startDate: startDate ?? completionDate ?? '2000-01-01',
      completionDate: completionDate ?? startDate ?? '2000-01-01',
    },
    context.today,
  );
  for (const problem of problems) {
    const column = COLUMN_OF_FIELD[problem.field] ?? problem.field;
    if (!reader.hasProblem(column)) reader.problem(column, problem.message);
  }
  const refused = (column: string) => reader.hasProblem(column);

  const row: TrainingRow = {
    employeeNumber,
    title,
    provider,
    kind,
    hours: refused('hours') ? null : hours,
    semesterUnits: refused('semester_units') ? null : semesterUnits,
    startDate: refused('start_date') ? null : startDate,
    completionDate: refused('completion_date') ? null : completionDate,
    fiscalYear:
      completionDate !== null && !refused('completion_date') ? fiscalYearOf(completionDate) : null,
    onStateTime,
    cost,
  };
  return { row, problems: reader.problems };
}
