/**
 * One row of a payroll roster file: every problem of its own cells, and the values to stage.
 * What needs other rows or the database (duplicates, supervisors, the current class of an
 * existing employee) is checked set-based afterwards (roster-import.ts). Pure.
 */
import { ETHNICITY_CODES, GENDER_CODES, YES_NO_DECLINED } from '../employees/demographics';
import type { EthnicityCode, GenderCode, YesNoDeclined } from '../employees/demographics';
import { ethnicityProblems } from '../employees/demographics.rule';
import { resolveTimeBase } from '../employees/employee-record.rule';
import type { TimeBase } from '../employees/employee.entity';
import { RowReader } from './import-cells.rule';
import type { CellProblem, RowCells } from './import-cells.rule';

/** The entity's TIME_BASES, restated so this rule imports no TypeORM (the spec compares them). */
export const ROSTER_TIME_BASES: readonly TimeBase[] = ['FULL_TIME', 'PART_TIME', 'INTERMITTENT'];

/** As employees.dto.ts validates them. */
export const EMPLOYEE_NUMBER_PATTERN = /^[A-Za-z0-9-]{1,20}$/;
export const CLASS_CODE_PATTERN = /^[0-9A-Z]{3,10}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A roster row's values; null where the cell is empty or was refused. */
export interface RosterRow {
  employeeNumber: string | null;
  firstName: string | null;
  lastName: string | null;
  workEmail: string | null;
  classCode: string | null;
  positionNumber: string | null;
  timeBase: TimeBase | null;
  /** Resolved from the time base (FULL_TIME 1, INTERMITTENT 0) and the fraction column. */
  timeBaseFraction: number | null;
  hireDate: string | null;
  supervisorNumber: string | null;
  ethnicities: EthnicityCode[] | null;
  gender: GenderCode | null;
  disability: YesNoDeclined | null;
  veteran: YesNoDeclined | null;
}

export interface RosterRowContext {
  /** Whether the class code is in the statewide catalog. */
  isKnownClass(classCode: string): boolean;
}

export interface RowValidation<T> {
  row: T;
  problems: CellProblem[];
}

/** Codes separated by `;`, upper-cased; every unknown code is a problem of its own. */
function ethnicitiesOf(reader: RowReader): EthnicityCode[] | null {
  const column = 'ethnicities';
  const value = reader.raw(column);
  if (value === '') return null;
  const pieces = value
    .split(';')
    .map((piece) => piece.trim().toUpperCase())
    .filter((piece) => piece !== '');
  const codes: EthnicityCode[] = [];
  for (const piece of pieces) {
    const code = ETHNICITY_CODES.find((known) => known === piece);
    if (code) codes.push(code);
    else reader.problem(column, `unknown ethnicity code ${piece} (codes are separated by ;)`);
  }
  if (reader.hasProblem(column)) return null;
  const problems = ethnicityProblems(codes, column);
  for (const problem of problems) reader.problem(column, problem.message);
  return problems.length > 0 ? null : codes;
}

function timeBaseOf(reader: RowReader): { timeBase: TimeBase | null; fraction: number | null } {
  const timeBase = reader.code('time_base', ROSTER_TIME_BASES, true);
  const fraction = reader.decimal('time_base_fraction', 3, false);
  if (timeBase === null || reader.hasProblem('time_base_fraction')) {
    return { timeBase, fraction: null };
  }
  const resolved = resolveTimeBase(timeBase, fraction ?? undefined);
  if (!resolved.ok) {
    reader.problem('time_base_fraction', resolved.problem.message);
    return { timeBase, fraction: null };
  }
  return { timeBase, fraction: resolved.fraction };
}

export function validateRosterRow(
  cells: RowCells,
  context: RosterRowContext,
): RowValidation<RosterRow> {
  const reader = new RowReader(cells);
  const employeeNumber = reader.matching(
    'employee_number',
    EMPLOYEE_NUMBER_PATTERN,
    '1-20 letters, digits or -',
    true,
  );
  const firstName = reader.text('first_name', 100, true);
  const lastName = reader.text('last_name', 100, true);

  let workEmail = reader.text('work_email', 254, false);
  if (workEmail !== null && !EMAIL_PATTERN.test(workEmail)) {
    reader.problem('work_email', 'must be an e-mail address');
    workEmail = null;
  }

  let classCode = reader.matching(
    'class_code',
    CLASS_CODE_PATTERN,
    '3-10 digits or upper-case letters',
    true,
  );
  if (classCode !== null && !context.isKnownClass(classCode)) {
    reader.problem('class_code', `unknown class code ${classCode}`);
    classCode = null;
  }

  const positionNumber = reader.text('position_number', 30, false);
  const { timeBase, fraction } = timeBaseOf(reader);
  const hireDate = reader.date('hire_date', true);

  let supervisorNumber = reader.matching(
    'supervisor_employee_number',
    EMPLOYEE_NUMBER_PATTERN,
    '1-20 letters, digits or -',
    false,
  );
  if (supervisorNumber !== null && supervisorNumber === employeeNumber) {
    reader.problem('supervisor_employee_number', 'an employee cannot supervise themselves');
    supervisorNumber = null;
  }

  const row: RosterRow = {
    employeeNumber,
    firstName,
    lastName,
    workEmail,
    classCode,
    positionNumber,
    timeBase,
    timeBaseFraction: fraction,
    hireDate,
    supervisorNumber,
    ethnicities: ethnicitiesOf(reader),
    gender: reader.code('gender', GENDER_CODES, false),
    disability: reader.code('disability', YES_NO_DECLINED, false),
    veteran: reader.code('veteran', YES_NO_DECLINED, false),
  };
  return { row, problems: reader.problems };
}
